import { describe, expect, it } from 'vitest';
import { child, ev, leeds, of } from './helpers.js';

describe('leeds.plans.permanence-plan (ready for the second review)', () => {
  const id = 'leeds.plans.permanence-plan';
  describe('reviews without numbers', () => {
    const unnumbered = [ev('looked-after-review', 'u1', '2023-06-20'), ev('looked-after-review', 'u2', '2023-09-14'), ev('looked-after-review', 'u3', '2024-03-14')];
    it('are unknown, naming the missing fact, when no date of becoming looked after is recorded', () => {
      const o = of(leeds(child(unnumbered), '2024-04-01'), id);
      expect(o.map((x) => x.status)).toEqual(['unknown']);
      expect(o[0]!.explanation).toContain('no date the child became looked after is recorded on or before the looked-after review on 2023-06-20 and it records no reviewNumber');
    });
  });
});

describe('rules in force', () => {
  it('before 2023-04-25 a Leeds case is evaluated against the national baseline only', () => {
    const r = leeds(child([ev('child-protection-plan-started', 'cp', '2023-04-05')]), '2023-04-24');
    expect(r.obligations.some((o) => o.ruleSet === 'leeds-2023')).toBe(false);
    expect(of(leeds(child([ev('child-protection-plan-started', 'cp', '2023-04-05')]), '2023-04-25'), 'leeds.meetings.core-group')).toHaveLength(1);
  });
});
