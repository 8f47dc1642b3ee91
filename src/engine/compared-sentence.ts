import type { Obligation } from './obligation.js';

/**
 * The stricter of rules measuring one duty: the earliest due date (none counts as earliest), and
 * on a tie the later in the list, as members are listed base set first and the local rule decides.
 */
export function stricterOf<T extends { readonly due: string | null }>(members: readonly T[]): T {
  return members.reduce((a, b) => ((b.due ?? '') <= (a.due ?? '') ? b : a));
}

/**
 * What the comparison adds to an explanation. The stricter rule, when it is another, is found
 * among the others as it was among all: the last of those due soonest.
 */
export function comparedSentence(c: NonNullable<Obligation['comparison']>): string {
  if (c.decides) return ` This is the stricter of the rules measuring this duty (also ${c.others.map((x) => `${x.ruleId}, due ${x.due}`).join('; ')}), so it decides the status.`;
  const stricter = stricterOf(c.others);
  return ` The stricter rule ${stricter.ruleId} (due ${stricter.due}) decides the status.`;
}
