import type { Obligation } from './obligation.js';
import { comparedSentence, stricterOf } from './compared-sentence.js';
import { ObligationRecord } from './obligation-record.js';

/** The obligations of one rule that measures a duty another rule may measure too. */
export interface Measured {
  /** The duty measured (the rule's `measures` key). */
  readonly measures: string;
  /** Where the rule's obligations start in the report's list, and where they end (exclusive). */
  readonly from: number;
  readonly to: number;
}

/**
 * Where a local rule and a national rule measure the same duty (same `measures` key), both are
 * reported; the stricter (the earlier due date of the latest instance, or a local rule on a tie)
 * decides, and each explanation says which. `measured` lists the obligations of the rules that
 * have a `measures` key, in the order the rules were evaluated; the list is changed in place.
 */
export function compare(obligations: Obligation[], measured: readonly Measured[]): void {
  if (measured.length < 2) return;
  const latest = new Map<string, { o: Obligation; at: number }[]>();
  for (const { measures, from, to } of measured) {
    let chosen = -1;
    for (let i = from; i < to; i++) {
      const o = obligations[i]!;
      if (o.status === 'not-applicable' || o.status === 'unknown') continue;
      if (chosen < 0 || o.instance > obligations[chosen]!.instance) chosen = i;
    }
    if (chosen < 0) continue;
    const group = latest.get(measures);
    if (group) group.push({ o: obligations[chosen]!, at: chosen });
    else latest.set(measures, [{ o: obligations[chosen]!, at: chosen }]);
  }
  for (const [measures, group] of latest) {
    if (group.length < 2) continue;
    const members = group.map((g) => g.o);
    const stricter = stricterOf(members);
    for (const { o, at } of group) {
      const others = members.filter((x) => x !== o).map((x) => ({ ruleId: x.ruleId, due: x.due, status: x.status }));
      const comparison = { measures, decides: stricter === o, others };
      // A fast-path record adds the sentence to its text when that is written.
      obligations[at] = o instanceof ObligationRecord ? o.compared(comparison) : { ...o, explanation: o.explanation + comparedSentence(comparison), comparison };
    }
  }
}
