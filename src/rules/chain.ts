import { TimescaleError } from '../errors.js';
import type { Rule, RuleSet } from './rule-schema.js';

/** A rule with the set it comes from. */
export interface RuleInSet {
  readonly rule: Rule;
  readonly ruleSet: RuleSet;
}

/**
 * The set each rule set object `extends`, where it is already known: shipped sets are linked to
 * their base when loaded, so the engine finds the base without carrying every shipped table (a
 * page that uses Leeds does not load West Berkshire). Keyed by object, so nothing is kept alive.
 */
const BASES = new WeakMap<RuleSet, RuleSet>();

/** Records that `set` extends `base` (which must be the set its `extends` names). */
export function linkBase(set: RuleSet, base: RuleSet): void {
  if (set.extends !== base.id) throw new TimescaleError('invalid-rule-set', `Rule set ${set.id} does not extend ${base.id}.`, ['extends']);
  BASES.set(set, base);
}

/** Whether the set `set` extends is known without `extra`. */
export function hasLinkedBase(set: RuleSet): boolean {
  return BASES.has(set);
}

/**
 * A set and everything it extends, base first. The set a rule set extends is looked up by id in
 * `extra` first, then among the shipped sets loaded with it.
 *
 * @throws TimescaleError `unknown-rule-set` when a set extends one that is neither in `extra` nor
 * linked; `invalid-rule-set` when sets extend each other in a loop.
 */
export function ruleSetChain(set: RuleSet, extra: Readonly<Record<string, RuleSet>> = {}): RuleSet[] {
  const chain: RuleSet[] = [];
  const seen = new Set<string>();
  for (let s: RuleSet | undefined = set; s; ) {
    if (seen.has(s.id)) throw new TimescaleError('invalid-rule-set', `Rule set ${s.id} extends itself through ${[...seen].join(' → ')}.`, ['extends']);
    seen.add(s.id);
    chain.unshift(s);
    s = s.extends === undefined ? undefined : extra[s.extends] ?? BASES.get(s) ?? missingBase(s);
  }
  return chain;
}

function missingBase(set: RuleSet): never {
  throw new TimescaleError(
    'unknown-rule-set',
    `Rule set ${set.id} extends "${set.extends}", which is not in the ruleSets option. Pass it there; a shipped set too (e.g. { 'england-statutory': englandStatutory() } from practice-timescales/rules/england-statutory), or use the main practice-timescales entry, which knows every shipped set.`,
    ['extends'],
  );
}

/** Every rule of a set and its bases, in force on a day (rules inherit their set's dates). */
export function rulesInForce(chain: readonly RuleSet[], asOf: string): RuleInSet[] {
  const within = (p: { from: string; to?: string | undefined } | undefined) => !p || (p.from <= asOf && (p.to === undefined || asOf <= p.to));
  return chain.filter((s) => within(s.inForce)).flatMap((ruleSet) => ruleSet.rules.filter((rule) => within(rule.inForce)).map((rule) => ({ rule, ruleSet })));
}

/**
 * Finds a rule by id in a set or the sets it extends (those linked or in `extra`).
 *
 * @throws TimescaleError `unknown-rule` when no set in the chain has it.
 */
export function findRule(set: RuleSet, ruleId: string): RuleInSet {
  for (const s of ruleSetChain(set).reverse()) {
    const rule = s.rules.find((r) => r.id === ruleId);
    if (rule) return { rule, ruleSet: s };
  }
  throw new TimescaleError('unknown-rule', `There is no rule "${ruleId}" in ${set.id} or the sets it extends.`, ['ruleId']);
}
