import { ruleSetChain, rulesInForce, type RuleInSet } from '../../../src/rules/chain.js';
import type { RuleSet } from '../../../src/rules/rule-schema.js';

const cache = new WeakMap<RuleSet, Map<string, readonly RuleInSet[]>>();
/** As-of dates remembered per set: a caseload is evaluated as of one or a few dates. */
const DATES_KEPT = 64;

/**
 * The rules of a set and the sets it extends in force on a day, worked out once per set and
 * date rather than once per snapshot. Sets that extend sets passed in the options are worked out
 * each time, as those may differ from call to call.
 */
export function rulesFor(set: RuleSet, asOf: string, extra: Readonly<Record<string, RuleSet>> | undefined): readonly RuleInSet[] {
  if (extra !== undefined) return rulesInForce(ruleSetChain(set, extra), asOf);
  let byDate = cache.get(set);
  if (!byDate) {
    byDate = new Map();
    cache.set(set, byDate);
  }
  let rules = byDate.get(asOf);
  if (!rules) {
    if (byDate.size >= DATES_KEPT) byDate.clear();
    rules = rulesInForce(ruleSetChain(set), asOf);
    byDate.set(asOf, rules);
  }
  return rules;
}
