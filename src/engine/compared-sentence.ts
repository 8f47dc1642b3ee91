import type { Obligation } from './obligation.js';

/** Orders due points by their text, none first: the order of due dates everywhere in a report. */
export function byDueText(a: { readonly due: string | null }, b: { readonly due: string | null }): number {
  const p = a.due ?? '';
  const q = b.due ?? '';
  return p < q ? -1 : p > q ? 1 : 0;
}

/**
 * The stricter of rules measuring one duty: the earliest due date (none counts as earliest), and
 * on a tie the later in the list, as members are listed base set first and the local rule decides.
 * `order` must order due dates as their text does (the default compares the text).
 */
export function stricterOf<T extends { readonly due: string | null }>(members: readonly T[], order: (a: T, b: T) => number = byDueText): T {
  let stricter = members[0]!;
  for (let i = 1; i < members.length; i++) if (order(members[i]!, stricter) <= 0) stricter = members[i]!;
  return stricter;
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
