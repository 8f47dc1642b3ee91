import { TimescaleError } from '../errors.js';
import { issueMessage } from '../schemas/issue-message.js';
import { RuleSet } from './rule-schema.js';

/** Every rule set {@link parseRuleSet} returned: known valid, and frozen so it stays so. */
const valid = new WeakSet<object>();

/**
 * Freezes a value and everything in it. Rule sets are shared by every report (a report's `cite`
 * is its rule's), so a change made through one report must not reach the next.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** True for a rule set returned by {@link parseRuleSet} (valid, and frozen), shipped ones included. */
export function isParsedRuleSet(value: unknown): value is RuleSet {
  return typeof value === 'object' && value !== null && valid.has(value);
}

/**
 * Validates a rule set written as data, such as a council's own standards. The result is
 * deep-frozen, as are the shipped sets.
 *
 * A set that `extends` another by id is checked here on its own; the set it extends is found when
 * it is evaluated: from the `ruleSets` option, or the shipped set of that id.
 *
 * @example
 * ```ts
 * import { parseRuleSet } from 'practice-timescales';
 * const ours = parseRuleSet(JSON.parse(text)); // throws TimescaleError 'invalid-rule-set' naming each bad field
 * ```
 * @throws TimescaleError `invalid-rule-set` naming the path of each problem.
 */
export function parseRuleSet(input: unknown): RuleSet {
  const r = RuleSet.safeParse(input, { error: issueMessage });
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
