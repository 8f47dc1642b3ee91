import { describe, expect, it } from 'vitest';
import { child, ev, leeds, of, visit } from './helpers.js';

describe('leeds.visits.child-in-need', () => {
  const id = 'leeds.visits.child-in-need';
  // 2023-12-01 (Fri) + 20 working days: Dec 4-8 (5), 11-15 (10), 18-22 (15), (25, 26 bank hols),
  // 27, 28, 29 (18), (Jan 1 bank hol), Jan 2, 3 (20) → 2024-01-03
  const plan = ev('child-in-need-plan-started', 'p1', '2023-12-01');
  it('overdue at the as-of date', () => {
    const r = leeds(child([plan]), '2024-01-05');
    // due 2024-01-03 → 4, 5: 2 working days overdue
    expect(of(r, id).map((o) => [o.status, o.due, o.lateness?.workingDays])).toEqual([['overdue', '2024-01-03', 2]]);
    expect(of(r, id)[0]!.explanation).toContain('a child in need must be visited at least every 20 working days');
  });
  describe('a more frequent interval in the child in need plan', () => {
    const weekly = (agreedBy: string[], interval: Record<string, number>) => ({ kind: 'interval', id: 'var1', ruleId: id, interval, agreedBy, agreedOn: '2023-12-01' });
    it('is refused when the social worker alone agreed it, or when it is longer than 20 working days', () => {
      // Standard 20 working days from 2023-12-05: Dec 6-8 (3), 11-15 (8), 18-22 (13), (25, 26), 27-29 (16), (Jan 1), Jan 2-5 (20) → 2024-01-05
      for (const v of [weekly(['social-worker'], { workingDays: 5 }), weekly(['team-manager'], { workingDays: 30 })]) {
        const r = leeds(child([plan, visit('v1', '2023-12-05')], { variations: [v] }), '2023-12-13');
        expect(of(r, id).map((o) => `${o.status} ${o.due}`)).toEqual(['met 2024-01-03', 'due 2024-01-05']);
        expect(of(r, id)[0]!.trace.some((t) => t.step === 'variation' && t.detail.includes('was not applied'))).toBe(true);
      }
    });
  });
});

describe('leeds.visits.section-47', () => {
  const id = 'leeds.visits.section-47';
  // 24 hours of elapsed time (weekends and bank holidays count): 2023-12-22T16:00Z → 2023-12-23T16:00Z
  const s47 = ev('section-47-started', 's1', '2023-12-22', { at: '2023-12-22T16:00:00+00:00' });
  it('late by 1.5 hours, reported as 2 hours', () => {
    const r = leeds(child([s47, visit('v1', '2023-12-23', { at: '2023-12-23T17:30:00+00:00' })]), '2024-01-10');
    expect(of(r, id).map((o) => [o.status, o.lateness?.hours])).toEqual([['met-late', 2]]);
  });
});
