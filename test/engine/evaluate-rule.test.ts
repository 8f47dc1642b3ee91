import { describe, expect, it } from 'vitest';
import { TimescaleError, evaluate, evaluateRule, generateCaseload, getRuleSet, ruleSetIds } from '../../src/index.js';

const AS_OF = '2024-04-09';

describe('evaluateRule', () => {
  it.each(ruleSetIds)('gives exactly the obligations evaluate gives for each rule of %s, on a generated caseload', (setId) => {
    const ids = [...new Set(getRuleSet(setId).rules.map((r) => r.id).concat(setId === 'england-statutory' ? [] : getRuleSet('england-statutory').rules.map((r) => r.id)))];
    let compared = 0;
    for (const snapshot of generateCaseload({ cases: 12, seed: 5 })) {
      const full = evaluate(snapshot, { ruleSet: setId, asOf: AS_OF }).obligations;
      for (const id of ids) {
        const one = evaluateRule(snapshot, id, { ruleSet: setId, asOf: AS_OF });
        expect(one).toEqual(full.filter((o) => o.ruleId === id));
        compared += one.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  }, 120_000);

  it('gives no obligation for a rule not in force on the as-of date, as evaluate leaves it out', () => {
    const snapshot = { caseId: 'c1', child: { dateOfBirth: '2015-01-01' }, events: [{ id: 'p', type: 'child-in-need-plan-started', date: '2023-01-09' }] };
    expect(evaluateRule(snapshot, 'leeds.visits.child-in-need', { ruleSet: 'leeds-2023', asOf: '2023-03-01' })).toEqual([]);
    expect(evaluateRule(snapshot, 'leeds.visits.child-in-need', { ruleSet: 'leeds-2023', asOf: '2023-06-01' }).length).toBeGreaterThan(0);
  });

  it('refuses an id the set does not have with unknown-rule, never repeating it, whatever the id', () => {
    const snapshot = { caseId: 'c1', child: { dateOfBirth: '2015-01-01' }, events: [] };
    for (const id of ['jane smith', 'constructor', '__proto__', 'leeds.visits.child-in-need']) {
      const run = () => evaluateRule(snapshot, id, { ruleSet: 'west-berkshire', asOf: AS_OF });
      expect(run).toThrow(TimescaleError);
      try {
        run();
      } catch (e) {
        expect((e as TimescaleError).code).toBe('unknown-rule');
        expect((e as TimescaleError).path).toEqual(['ruleId']);
        expect((e as Error).message).not.toContain(id);
      }
    }
  });
});
