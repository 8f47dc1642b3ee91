import { TimescaleError } from '../errors.js';
import { findRule as findRuleGiven, hasLinkedBase, linkBase, ruleSetChain as ruleSetChainGiven, type RuleInSet } from './chain.js';
import { parseRuleSet as parseOwnRuleSet } from './parse-rule-set.js';
import type { RuleSet } from './rule-schema.js';
import { englandStatutory } from './sets/england-statutory.js';
import { leeds2023 } from './sets/leeds-2023.js';
import { westBerkshire } from './sets/west-berkshire.js';

export { rulesInForce, type RuleInSet } from './chain.js';

/**
 * Every shipped rule set by id. Holding all three is what this module is for: the main entry
 * names shipped sets by id. A page that needs one set imports it from its own entry
 * (`practice-timescales/rules/leeds-2023`) instead.
 */
const SHIPPED: Readonly<Record<string, () => RuleSet>> = {
  'england-statutory': englandStatutory,
  'leeds-2023': leeds2023,
  'west-berkshire': westBerkshire,
};

/** The ids of the rule sets that ship with the package. */
export const ruleSetIds: readonly string[] = /* @__PURE__ */ Object.keys(SHIPPED);

/**
 * A rule set shipped with the package, validated on first use and the same object after.
 *
 * @example
 * ```ts
 * import { getRuleSet } from 'practice-timescales';
 * getRuleSet('leeds-2023').rules.length; // every Leeds rule (the national ones are in 'england-statutory')
 * ```
 * @throws TimescaleError `unknown-rule-set` listing the ids available.
 */
export function getRuleSet(id: string): RuleSet {
  const load = Object.hasOwn(SHIPPED, id) ? SHIPPED[id] : undefined;
  if (load === undefined) throw new TimescaleError('unknown-rule-set', `There is no rule set "${id}". Available: ${ruleSetIds.join(', ')}.`, ['ruleSet']);
  return load();
}

/** The shipped rule sets by id (`ruleSets['leeds-2023']`), each validated when first read. */
export const ruleSets: Readonly<Record<string, RuleSet>> = /* @__PURE__ */ Object.freeze({
  get 'england-statutory'() {
    return englandStatutory();
  },
  get 'leeds-2023'() {
    return leeds2023();
  },
  get 'west-berkshire'() {
    return westBerkshire();
  },
});

/**
 * Links a set of your own that extends a shipped set by id to that set, so the engine finds it
 * without the `ruleSets` option. Sets it extends through `extra` are left to `extra`.
 *
 * @param complete Whether `extra` holds every set there will be (as when evaluating); when it
 * does, an id that is neither shipped nor in it is refused.
 * @throws TimescaleError `unknown-rule-set` when `complete` and a set in the chain extends an id
 * that is neither shipped nor in `extra`.
 */
export function withShippedBases(set: RuleSet, extra: Readonly<Record<string, RuleSet>> = {}, complete = true): RuleSet {
  // Asked at every evaluation: a set with no base, or one already linked, is answered at once.
  if (set.extends === undefined || (!extra[set.extends] && hasLinkedBase(set))) return set;
  const seen = new Set<string>();
  for (let s: RuleSet | undefined = set; s && s.extends !== undefined && !seen.has(s.id); ) {
    seen.add(s.id);
    if (extra[s.extends]) s = extra[s.extends];
    else if (hasLinkedBase(s)) s = undefined;
    else if (Object.hasOwn(SHIPPED, s.extends)) {
      linkBase(s, getRuleSet(s.extends));
      s = undefined;
    } else if (!complete) {
      s = undefined;
    } else {
      throw new TimescaleError('unknown-rule-set', `Rule set ${s.id} extends "${s.extends}", which is neither a shipped rule set (${ruleSetIds.join(', ')}) nor in the ruleSets option.`, ['extends']);
    }
  }
  return set;
}

/**
 * Validates a rule set written as data, such as a council's own standards; a set that extends a
 * shipped set (`"extends": "england-statutory"`) is linked to it.
 *
 * @example
 * ```ts
 * import { evaluate, parseRuleSet } from 'practice-timescales';
 * const ours = parseRuleSet(JSON.parse(text)); // throws TimescaleError 'invalid-rule-set' naming each bad field
 * const report = evaluate(snapshot, { ruleSet: ours, asOf: '2024-04-09' });
 * ```
 * @throws TimescaleError `invalid-rule-set` naming the path of each problem.
 */
export function parseRuleSet(input: unknown): RuleSet {
  // A set it extends that is not shipped may still come in the ruleSets option when evaluated.
  return withShippedBases(parseOwnRuleSet(input), {}, false);
}

/**
 * A set and everything it extends, base first; a set that extends a shipped set by id finds it
 * (the engine's own lookup knows only the sets it is given).
 */
export function ruleSetChain(set: RuleSet, extra: Readonly<Record<string, RuleSet>> = {}): RuleSet[] {
  return ruleSetChainGiven(withShippedBases(set, extra), extra);
}

/**
 * Finds a rule by id in a set or the sets it extends, shipped ones included.
 *
 * @example
 * ```ts
 * import { findRule, getRuleSet } from 'practice-timescales';
 * const { rule, ruleSet } = findRule(getRuleSet('leeds-2023'), 'leeds.visits.child-in-need');
 * ```
 * @throws TimescaleError `unknown-rule` when no set in the chain has it.
 */
export function findRule(set: RuleSet, ruleId: string): RuleInSet {
  return findRuleGiven(withShippedBases(set), ruleId);
}
