import { describe, expect, it } from 'vitest';
import { check, child, ev, leeds, of, visit } from './helpers.js';

describe('leeds.visits.child-in-need', () => {
  const id = 'leeds.visits.child-in-need';
  // 2023-12-01 (Fri) + 20 working days: Dec 4-8 (5), 11-15 (10), 18-22 (15), (25, 26 bank hols),
  // 27, 28, 29 (18), (Jan 1 bank hol), Jan 2, 3 (20) → 2024-01-03
  const plan = ev('child-in-need-plan-started', 'p1', '2023-12-01');
  it('on time on the due date, and the clock restarts at the visit', () => {
    // 2024-01-03 + 20 working days: Jan 4, 5 (2), 8-12 (7), 15-19 (12), 22-26 (17), 29, 30, 31 (20) → 2024-01-31
    expect(check(id, child([plan, visit('v1', '2024-01-03')]), '2024-01-10')).toEqual(['met 2024-01-03 by v1', 'due 2024-01-31']);
  });
  it('late by one working day', () => {
    expect(check(id, child([plan, visit('v1', '2024-01-04')]), '2024-01-10')).toEqual(['met-late 2024-01-03 by v1', 'due 2024-02-01']);
  });
  it('overdue at the as-of date', () => {
    const r = leeds(child([plan]), '2024-01-05');
    // due 2024-01-03 → 4, 5: 2 working days overdue
    expect(of(r, id).map((o) => [o.status, o.due, o.lateness?.workingDays])).toEqual([['overdue', '2024-01-03', 2]]);
    expect(of(r, id)[0]!.explanation).toContain('a child in need must be visited at least every 20 working days');
  });
  it('still due', () => {
    expect(check(id, child([plan]), '2023-12-28')).toEqual(['due 2024-01-03']);
  });
  it('not applicable: no plan, or the plan ended before a visit fell due', () => {
    expect(check(id, child([ev('referral', 'r', '2023-12-01')]), '2024-01-10')).toEqual(['not-applicable -']);
    expect(check(id, child([plan, ev('child-in-need-plan-ended', 'e1', '2023-12-20')]), '2024-01-10')).toEqual(['not-applicable -']);
  });
  describe('a more frequent interval in the child in need plan', () => {
    const weekly = (agreedBy: string[], interval: Record<string, number>) => ({ kind: 'interval', id: 'var1', ruleId: id, interval, agreedBy, agreedOn: '2023-12-01' });
    it('is applied when agreed with the team manager', () => {
      // 5 working days: 2023-12-01 → 4, 5, 6, 7, 8 → 2023-12-08; 2023-12-05 + 5 → 6, 7, 8, 11, 12 → 2023-12-12
      expect(check(id, child([plan, visit('v1', '2023-12-05')], { variations: [weekly(['team-manager'], { workingDays: 5 })] }), '2023-12-13')).toEqual([
        'met 2023-12-08 by v1',
        'overdue 2023-12-12',
      ]);
    });
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
  it('on time on the Saturday', () => {
    expect(check(id, child([s47, visit('v1', '2023-12-23', { at: '2023-12-23T10:00:00+00:00' })]), '2024-01-10')).toEqual(['met 2023-12-23T16:00:00+00:00 by v1']);
  });
  it('late by 1.5 hours, reported as 2 hours', () => {
    const r = leeds(child([s47, visit('v1', '2023-12-23', { at: '2023-12-23T17:30:00+00:00' })]), '2024-01-10');
    expect(of(r, id).map((o) => [o.status, o.lateness?.hours])).toEqual([['met-late', 2]]);
  });
  it('overdue', () => {
    expect(check(id, child([s47]), '2023-12-27')).toEqual(['overdue 2023-12-23T16:00:00+00:00']);
  });
  it('still due on the day the enquiry started', () => {
    expect(check(id, child([s47]), '2023-12-22')).toEqual(['due 2023-12-23T16:00:00+00:00']);
  });
  it('not applicable without a section 47 enquiry', () => {
    expect(check(id, child([ev('strategy-discussion', 'sd', '2023-12-22')]), '2023-12-27')).toEqual(['not-applicable -']);
  });
  it('in summer time the due time keeps the recorded offset', () => {
    const bst = ev('section-47-started', 's2', '2023-06-14', { at: '2023-06-14T21:00:00+01:00' });
    expect(check(id, child([bst, visit('v1', '2023-06-15', { at: '2023-06-15T20:59:00+01:00' })]), '2023-06-20')).toEqual(['met 2023-06-15T21:00:00+01:00 by v1']);
  });
  it('without a recorded time, 24 hours is one whole day compared by date', () => {
    expect(check(id, child([ev('section-47-started', 's3', '2023-12-22'), visit('v1', '2023-12-23')]), '2024-01-10')).toEqual(['met 2023-12-23 by v1']);
  });
  describe('the Team Manager records the reason and the earliest date', () => {
    const exception = (agreedBy: string[]) => ({ kind: 'exception', id: 'x1', ruleId: id, anchorEventId: 's1', earliestDate: '2023-12-27', agreedBy, agreedOn: '2023-12-22', reason: 'Joint visit with the police.' });
    it('a visit on the earliest date is met under the exception', () => {
      expect(check(id, child([s47, visit('v1', '2023-12-27')], { variations: [exception(['team-manager'])] }), '2024-01-10')).toEqual(['excepted 2023-12-27 by v1']);
    });
    it('an exception recorded by the social worker alone is refused', () => {
      expect(check(id, child([s47, visit('v1', '2023-12-27')], { variations: [exception(['social-worker'])] }), '2024-01-10')).toEqual(['met-late 2023-12-23T16:00:00+00:00 by v1']);
    });
  });
});

describe('leeds.visits.child-protection', () => {
  const id = 'leeds.visits.child-protection';
  // First visit: 2023-04-05 (Wed) + 2 working days: 6, (7 Good Friday, 10 Easter Monday), 11 → 2023-04-11
  const plan = ev('child-protection-plan-started', 'cp', '2023-04-05');
  it('on time: within 2 working days over Easter, then every 15 working days past both May bank holidays', () => {
    // 2023-04-11 + 15: 12-14 (3), 17-21 (8), 24-28 (13), (May 1), 2, 3 (15) → 2023-05-03
    // 2023-05-03 + 15: 4, 5 (2), (8 Coronation), 9-12 (6), 15-19 (11), 22-25 (15) → 2023-05-25
    expect(check(id, child([plan, visit('v1', '2023-04-11'), visit('v2', '2023-05-03')]), '2023-05-04')).toEqual([
      'met 2023-04-11 by v1',
      'met 2023-05-03 by v2',
      'due 2023-05-25',
    ]);
  });
  it('late: the first visit on the 3rd working day', () => {
    expect(check(id, child([plan, visit('v1', '2023-04-12')]), '2023-04-26')).toEqual(['met-late 2023-04-11 by v1', 'due 2023-05-04']);
  });
  it('overdue: a section 47 visit before the plan does not count', () => {
    expect(check(id, child([visit('v0', '2023-03-20'), plan]), '2023-04-26')).toEqual(['overdue 2023-04-11']);
  });
  it('still due over the Coronation bank holiday', () => {
    // 2023-05-04 (Thu) + 2: 5, (8 Coronation), 9 → 2023-05-09
    expect(check(id, child([ev('child-protection-plan-started', 'cp2', '2023-05-04')]), '2023-05-05')).toEqual(['due 2023-05-09']);
  });
  it('not applicable without a child protection plan', () => {
    expect(check(id, child([ev('section-47-started', 's1', '2023-05-04')]), '2023-05-05')).toEqual(['not-applicable -']);
  });
  it('a more frequent interval in the plan, agreed by the multi-agency group, is applied', () => {
    const v = { kind: 'interval', id: 'var1', ruleId: id, interval: { workingDays: 5 }, agreedBy: ['multi-agency-group'], agreedOn: '2023-05-04' };
    // first visit keeps its 2 working days (2023-05-09, above); then 2023-05-09 + 5: 10, 11, 12, 15, 16 → 2023-05-16
    const events = [ev('child-protection-plan-started', 'cp2', '2023-05-04'), visit('v1', '2023-05-09')];
    expect(check(id, child(events, { variations: [v] }), '2023-05-17')).toEqual(['met 2023-05-09 by v1', 'overdue 2023-05-16']);
  });
});
