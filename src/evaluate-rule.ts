import { TimescaleError } from './errors.js';
import { getRuleSet, ruleSetChain } from './rules/registry.js';
import type { Rule, RuleSet } from './rules/rule-schema.js';
import type { EvaluateOptions } from './engine/evaluate.js';
import { evaluate } from './evaluate-shipped.js';
import type { Obligation } from './engine/obligation.js';

function findInChain(options: EvaluateOptions, ruleId: string): Rule | undefined {
  const set: RuleSet = typeof options.ruleSet === 'string' ? getRuleSet(options.ruleSet) : options.ruleSet;
  for (const s of ruleSetChain(set, options.ruleSets)) {
    // Own rules only: an id is compared, never used as a property name.
    const rule = s.rules.find((r) => r.id === ruleId);
    if (rule) return rule;
  }
  return undefined;
}

/**
 * The obligations one rule gives a snapshot: exactly those {@link evaluate} reports for that
 * rule (every instance, in report order, with the comparison against rules measuring the same
 * duty), for callers that ask about one duty, such as a spreadsheet row. An empty list when the
 * rule (or its set) is not in force on `asOf`, as the full evaluation then leaves it out.
 *
 * @throws TimescaleError `unknown-rule` when the rule set and the sets it extends have no rule
 * with this id (the message never repeats the id), and as {@link evaluate} otherwise.
 * @throws SnapshotError as {@link evaluate}.
 */
export function evaluateRule(snapshot: unknown, ruleId: string, options: EvaluateOptions): Obligation[] {
  // The whole evaluation, then that rule's part of it: exact by construction, as another rule
  // (one measuring the same duty) can change this rule's obligations.
  const report = evaluate(snapshot, options);
  if (typeof ruleId !== 'string' || findInChain(options, ruleId) === undefined) {
    throw new TimescaleError('unknown-rule', 'The rule set and the sets it extends have no rule with this id: the rule catalogue (or TIMESCALE_RULES in a spreadsheet) lists them.', ['ruleId']);
  }
  return report.obligations.filter((o) => o.ruleId === ruleId);
}
