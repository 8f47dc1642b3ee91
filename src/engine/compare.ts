import type { Obligation } from './obligation.js';
import { comparedSentence, stricterOf } from './compared-sentence.js';
import { compareDue, ObligationRecord } from './obligation-record.js';

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
  // Where each rule's latest instance is in the report (-1: none, or already in a group).
  const latest: number[] = [];
  for (const { from, to } of measured) {
    let chosen = -1;
    for (let i = from; i < to; i++) {
      const o = obligations[i]!;
      if (o.status === 'not-applicable' || o.status === 'unknown') continue;
      if (chosen < 0 || o.instance > obligations[chosen]!.instance) chosen = i;
    }
    latest.push(chosen);
  }
  // The rules measuring each duty, in the order they were evaluated: a few dozen at most, so
  // found by scanning the list, with nothing allocated for a duty only one rule measures.
  for (let i = 0; i < measured.length; i++) {
    if (latest[i]! < 0) continue;
    const measures = measured[i]!.measures;
    let group: number[] | undefined;
    for (let j = i + 1; j < measured.length; j++) {
      if (latest[j]! < 0 || measured[j]!.measures !== measures) continue;
      (group ??= [latest[i]!]).push(latest[j]!);
      latest[j] = -1;
    }
    if (group !== undefined) compareGroup(obligations, measures, group);
  }
}

/** Records the comparison on each of the obligations at `group` (two or more) measuring one duty. */
function compareGroup(obligations: Obligation[], measures: string, group: readonly number[]): void {
  const members = group.map((at) => obligations[at]!);
  const stricter = stricterOf(members, compareDue);
  members.forEach((o, k) => {
    const others = members.filter((_, m) => m !== k).map((x) => ({ ruleId: x.ruleId, due: x.due, status: x.status }));
    const comparison = { measures, decides: stricter === o, others };
    // A fast-path record adds the sentence to its text when that is written.
    obligations[group[k]!] = o instanceof ObligationRecord ? o.compared(comparison) : { ...o, explanation: o.explanation + comparedSentence(comparison), comparison };
  });
}
