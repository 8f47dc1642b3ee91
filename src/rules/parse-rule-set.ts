import { TimescaleError } from '../errors.js';
import { RuleSet } from './rule-schema.js';

/**
 * Validates a rule set written as data, such as a council's own standards.
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
  const r = RuleSet.safeParse(input);
  if (!r.success) {
    const detail = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new TimescaleError('invalid-rule-set', `The rule set is not valid: ${detail}`, r.error.issues[0]?.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) ?? []);
  }
  const ids = new Set<string>();
  r.data.rules.forEach((rule, i) => {
    if (ids.has(rule.id)) throw new TimescaleError('invalid-rule-set', `Rule id ${rule.id} appears twice in ${r.data.id}.`, ['rules', i, 'id']);
    ids.add(rule.id);
  });
  return r.data;
}
