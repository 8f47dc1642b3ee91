import type { RuleInSet } from '../rules/chain.js';
import type { Obligation } from './obligation.js';
import { ObligationRecord } from './obligation-record.js';

const measuresCache = new WeakMap<readonly RuleInSet[], ReadonlyMap<string, string>>();

/** Each rule's `measures` key by rule id, once per list of rules in force. */
function measuresByRule(rules: readonly RuleInSet[]): ReadonlyMap<string, string> {
  let found = measuresCache.get(rules);
  if (!found) {
    const map = new Map<string, string>();
    for (const { rule } of rules) if (rule.measures) map.set(rule.id, rule.measures);
    measuresCache.set(rules, map);
    found = map;
  }
  return found;
}

/**
 * Where a local rule and a national rule measure the same duty (same `measures` key), both are
 * reported; the stricter (the earlier due date of the latest instance, or a local rule on a tie)
 * decides, and each explanation says which.
 */
export function compare(obligations: Obligation[], rules: readonly RuleInSet[]): Obligation[] {
  const measuresOf = measuresByRule(rules);
  if (measuresOf.size === 0) return obligations;
  const latest = new Map<string, Map<string, Obligation>>();
  for (const o of obligations) {
    const m = measuresOf.get(o.ruleId);
    if (!m || o.status === 'not-applicable' || o.status === 'unknown') continue;
    const group = latest.get(m) ?? new Map<string, Obligation>();
    latest.set(m, group);
    const prev = group.get(o.ruleId);
    if (!prev || o.instance > prev.instance) group.set(o.ruleId, o);
  }
  const decisions = new Map<Obligation, { measures: string; stricter: Obligation; others: Obligation[] }>();
  for (const [measures, group] of latest) {
    if (group.size < 2) continue;
    const members = [...group.values()];
    // Members come base set first, so `<=` lets the local rule decide a tie.
    const stricter = members.reduce((a, b) => ((b.due ?? '') <= (a.due ?? '') ? b : a));
    for (const o of members) decisions.set(o, { measures, stricter, others: members.filter((x) => x !== o) });
  }
  if (decisions.size === 0) return obligations;
  return obligations.map((o) => {
    const d = decisions.get(o);
    if (!d) return o;
    const others = d.others.map((x) => ({ ruleId: x.ruleId, due: x.due, status: x.status }));
    const decides = d.stricter === o;
    const sentence = decides
      ? ` This is the stricter of the rules measuring this duty (also ${others.map((x) => `${x.ruleId}, due ${x.due}`).join('; ')}), so it decides the status.`
      : ` The stricter rule ${d.stricter.ruleId} (due ${d.stricter.due}) decides the status.`;
    const comparison = { measures: d.measures, decides, others };
    // A fast-path record adds the sentence to its text when that is written.
    if (o instanceof ObligationRecord) return o.compared(comparison, sentence);
    return { ...o, explanation: o.explanation + sentence, comparison };
  });
}
