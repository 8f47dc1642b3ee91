import type { Obligation } from './obligation.js';

/**
 * What the comparison adds to an explanation. The stricter rule, when it is another, is found
 * among the others as it was among all: the last of those due soonest.
 */
export function comparedSentence(c: NonNullable<Obligation['comparison']>): string {
  if (c.decides) return ` This is the stricter of the rules measuring this duty (also ${c.others.map((x) => `${x.ruleId}, due ${x.due}`).join('; ')}), so it decides the status.`;
  const stricter = c.others.reduce((a, b) => ((b.due ?? '') <= (a.due ?? '') ? b : a));
  return ` The stricter rule ${stricter.ruleId} (due ${stricter.due}) decides the status.`;
}
