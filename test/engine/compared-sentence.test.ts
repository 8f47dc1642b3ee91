import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparedSentence } from '../../src/engine/compared-sentence.js';

type Member = { ruleId: string; due: string | null; status: 'due' };

/** How the comparison chooses among every rule measuring a duty: base set first, `<=` so the later decides a tie. */
const stricterOf = (members: readonly Member[]) => members.reduce((a, b) => ((b.due ?? '') <= (a.due ?? '') ? b : a));

describe('the sentence a comparison adds to an explanation', () => {
  it('names, for a rule that does not decide, the stricter rule found among all of them', () => {
    const due = fc.option(fc.constantFrom('2024-04-01', '2024-04-02', '2024-04-03'), { nil: null });
    fc.assert(
      fc.property(fc.array(due, { minLength: 2, maxLength: 5 }), (dues) => {
        const members: Member[] = dues.map((d, i) => ({ ruleId: `rule-${i}`, due: d, status: 'due' }));
        const stricter = stricterOf(members);
        for (const self of members) {
          const others = members.filter((m) => m !== self);
          const sentence = comparedSentence({ measures: 'a duty', decides: stricter === self, others });
          if (stricter === self) expect(sentence).toContain('This is the stricter of the rules measuring this duty');
          else expect(sentence).toBe(` The stricter rule ${stricter.ruleId} (due ${stricter.due}) decides the status.`);
        }
      }),
    );
  });

  it('lists every other rule and its due date for the rule that decides', () => {
    const others: Member[] = [{ ruleId: 'england.visits', due: '2024-04-10', status: 'due' }, { ruleId: 'other.visits', due: null, status: 'due' }];
    expect(comparedSentence({ measures: 'visits', decides: true, others })).toBe(
      ' This is the stricter of the rules measuring this duty (also england.visits, due 2024-04-10; other.visits, due null), so it decides the status.',
    );
  });
});
