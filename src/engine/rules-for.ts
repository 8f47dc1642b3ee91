import { ruleSetChain, rulesInForce, type RuleInSet } from '../rules/chain.js';
import type { RuleSet } from '../rules/rule-schema.js';
import { startingEvents, type StartingEvents } from './cannot-start.js';
import { ruleOfOneShape } from './rule-shape.js';

/**
 * A rule in force, with what the engine asks of it for every snapshot read once: rule tables
 * are objects of many shapes, and reading the same few fields from one small shape is cheaper.
 */
export interface PlannedRule extends RuleInSet {
  /** Whom the rule is about. */
  readonly subject: 'child' | 'worker';
  /** The duty it measures, which another rule may measure too (see `compare`). */
  readonly measures: string | undefined;
  /** The events it needs recorded before it can start, each matching its selector (see `cannotStart`). */
  readonly starts: StartingEvents;
}

function planned({ rule: given, ruleSet }: RuleInSet): PlannedRule {
  const rule = ruleOfOneShape(given);
  return { rule, ruleSet, subject: rule.subject ?? 'child', measures: rule.measures, starts: startingEvents(rule) };
}

const cache = new WeakMap<RuleSet, Map<string, readonly PlannedRule[]>>();
/** As-of dates remembered per set: a caseload is evaluated as of one or a few dates. */
const DATES_KEPT = 64;

/**
 * The rules of a set and the sets it extends in force on a day, worked out once per set and
 * date rather than once per snapshot. Sets that extend sets passed in the options are worked out
 * each time, as those may differ from call to call.
 */
export function rulesFor(set: RuleSet, asOf: string, extra: Readonly<Record<string, RuleSet>> | undefined): readonly PlannedRule[] {
  if (extra !== undefined) return rulesInForce(ruleSetChain(set, extra), asOf).map(planned);
  let byDate = cache.get(set);
  if (!byDate) {
    byDate = new Map();
    cache.set(set, byDate);
  }
  let rules = byDate.get(asOf);
  if (!rules) {
    if (byDate.size >= DATES_KEPT) byDate.clear();
    rules = rulesInForce(ruleSetChain(set), asOf).map(planned);
    byDate.set(asOf, rules);
  }
  return rules;
}
