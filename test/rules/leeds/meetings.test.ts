import { describe, expect, it } from 'vitest';
import { child, ev, leeds, of } from './helpers.js';

describe('rules in force', () => {
  it('before 2023-04-25 a Leeds case is evaluated against the national baseline only', () => {
    const r = leeds(child([ev('child-protection-plan-started', 'cp', '2023-04-05')]), '2023-04-24');
    expect(r.obligations.some((o) => o.ruleSet === 'leeds-2023')).toBe(false);
    expect(of(leeds(child([ev('child-protection-plan-started', 'cp', '2023-04-05')]), '2023-04-25'), 'leeds.meetings.core-group')).toHaveLength(1);
  });
});
