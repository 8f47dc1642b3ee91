import englandStatutory from '../../rules/england-statutory.json';
import leeds2023 from '../../rules/leeds-2023.json';
import westBerkshire from '../../rules/west-berkshire.json';
import { TimescaleError } from '../errors.js';
import { RuleSet, type Rule } from './rule-schema.js';

const RAW: Readonly<Record<string, unknown>> = {
  'england-statutory': englandStatutory,
  'leeds-2023': leeds2023,
  'west-berkshire': westBerkshire,
};

const parsed = new Map<string, RuleSet>();

/** Every rule set {@link parseRuleSet} returned: known valid, and frozen so it stays so. */
const valid = new WeakSet<object>();

/**
 * Freezes a value and everything in it. Rule sets are shared by every report (a report's `cite`
 * is its rule's), so a change made through one report must not reach the next.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** True for a rule set returned by {@link parseRuleSet} or {@link getRuleSet} (valid, and frozen). */
export function isParsedRuleSet(value: unknown): value is RuleSet {
  return typeof value === 'object' && value !== null && valid.has(value);
}

/**
 * Validates a rule set written as data. The result is deep-frozen, as are the shipped sets.
 * @throws TimescaleError `invalid-rule-set` naming the path of each problem.
 */
export function parseRuleSet(input: unknown): RuleSet {
  const r = RuleSet.safeParse(input);
  if (!r.success) {
    const detail = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new TimescaleError('invalid-rule-set', `The rule set is not valid: ${detail}`, r.error.issues[0]?.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) ?? []);
  }
  const ids = new Set<string>();
  r.data.rules.forEach((rule, i) => {
    if (ids.has(rule.id)) throw new TimescaleError('invalid-rule-set', `Rule id ${rule.id} appears twice in ${r.data.id}.`, ['rules', i, 'id']);
    ids.add(rule.id);
    if (rule.kind !== 'recurring') return;
    const labels = rule.phases.map((p) => p.label);
    rule.variation?.forEach((v, j) => {
      if (v.inPhase !== undefined && !labels.includes(v.inPhase)) {
        throw new TimescaleError('invalid-rule-set', `Rule ${rule.id}: variation ${j} names a phase no phase of the rule is labelled with.`, ['rules', i, 'variation', j, 'inPhase']);
      }
    });
  });
  valid.add(deepFreeze(r.data));
  return r.data;
}

/** The ids of the rule sets that ship with the package. */
export const ruleSetIds: readonly string[] = Object.keys(RAW);

/**
 * A rule set shipped with the package, validated on first use.
 * @throws TimescaleError `unknown-rule-set` listing the ids available.
 */
export function getRuleSet(id: string): RuleSet {
  let set = parsed.get(id);
  if (!set) {
    // Own properties only: `constructor` is not a rule set.
    const raw = Object.hasOwn(RAW, id) ? RAW[id] : undefined;
    if (raw === undefined) throw new TimescaleError('unknown-rule-set', `There is no rule set "${id}". Available: ${ruleSetIds.join(', ')}.`, ['ruleSet']);
    set = parseRuleSet(raw);
    parsed.set(id, set);
  }
  return set;
}

/** The shipped rule sets by id (`ruleSets['leeds-2023']`), each validated when first read. */
export const ruleSets: Readonly<Record<string, RuleSet>> = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(ruleSetIds.map((id) => [id, { enumerable: true, get: () => getRuleSet(id) }])),
  ) as Record<string, RuleSet>,
);

/** A rule with the id of the set it comes from. */
export interface RuleInSet {
  readonly rule: Rule;
  readonly ruleSet: RuleSet;
}

/**
 * A set and everything it extends, base first. Custom sets may extend shipped ones or each other
 * through `extra`.
 */
export function ruleSetChain(set: RuleSet, extra: Readonly<Record<string, RuleSet>> = {}): RuleSet[] {
  const chain: RuleSet[] = [];
  const seen = new Set<string>();
  for (let s: RuleSet | undefined = set; s; ) {
    if (seen.has(s.id)) throw new TimescaleError('invalid-rule-set', `Rule set ${s.id} extends itself through ${[...seen].join(' → ')}.`, ['extends']);
    seen.add(s.id);
    chain.unshift(s);
    s = s.extends === undefined ? undefined : extra[s.extends] ?? getRuleSet(s.extends);
  }
  return chain;
}

/** Every rule of a set and its bases, in force on a day (rules inherit their set's dates). */
export function rulesInForce(chain: readonly RuleSet[], asOf: string): RuleInSet[] {
  const within = (p: { from: string; to?: string | undefined } | undefined) => !p || (p.from <= asOf && (p.to === undefined || asOf <= p.to));
  return chain.filter((s) => within(s.inForce)).flatMap((ruleSet) => ruleSet.rules.filter((rule) => within(rule.inForce)).map((rule) => ({ rule, ruleSet })));
}

/** Finds a rule by id in a set or the sets it extends. */
export function findRule(set: RuleSet, ruleId: string): RuleInSet {
  for (const s of ruleSetChain(set).reverse()) {
    const rule = s.rules.find((r) => r.id === ruleId);
    if (rule) return { rule, ruleSet: s };
  }
  throw new TimescaleError('unknown-rule', `There is no rule "${ruleId}" in ${set.id} or the sets it extends.`, ['ruleId']);
}
