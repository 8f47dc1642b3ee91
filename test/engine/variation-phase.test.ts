import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../../src/index.js';
import { ev, rule, run, snapshot, summary, visit } from './helpers.js';

/** A variation allowance may name the phase it applies in (`inPhase`). */
const visits = rule({
  id: 't.visits',
  kind: 'recurring',
  episode: { start: { type: 'placement-started' }, key: 'placementId' },
  phases: [
    { interval: { weeks: 6 }, label: 'First year' },
    { from: { after: { years: 1 } }, interval: { weeks: 6 }, label: 'Later years' },
  ],
  satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' },
  variation: [{ anyOf: ['looked-after-review'], inPhase: 'Later years' }],
});
const placed = ev('placement-started', 'p', '2022-03-01', { placementId: 'P1', kind: 'foster' });
const agreed = { kind: 'interval', id: 'v', ruleId: 't.visits', interval: { months: 3 }, agreedBy: ['looked-after-review'], agreedOn: '2022-04-01' };

describe('a variation tied to a phase', () => {
  it('applies only while that phase is in force', () => {
    // First year: 2022-04-05 + 42 → 2022-05-17. Later years: 2023-03-10 + 3 months → 2023-06-10.
    const first = run([visits], snapshot([placed, visit('v1', '2022-04-05')], { variations: [agreed] }), '2022-05-01');
    expect(summary(first, 't.visits').at(-1)).toBe('due 2022-05-17');
    const later = run([visits], snapshot([placed, visit('v1', '2023-03-10')], { variations: [agreed] }), '2023-04-01');
    expect(summary(later, 't.visits').at(-1)).toBe('due 2023-06-10');
    expect(later.obligations.some((o) => o.trace.some((t) => t.step === 'variation' && t.detail.includes('in the phase "Later years" only')))).toBe(true);
  });
  it('a rule set naming a phase the rule does not have is refused', () => {
    const bad = { ...visits, variation: [{ anyOf: ['looked-after-review'], inPhase: 'Permanence' }] };
    expect(() => parseRuleSet({ id: 'x', title: 'x', authority: 'x', source: 'x', inForce: { from: '2000-01-01' }, rules: [bad] })).toThrow(/names a phase no phase of the rule is labelled with/);
  });
});
