import { evaluateValidated as evaluateValidatedGiven, type EvaluateOptions } from './engine/evaluate.js';
import type { Report } from './engine/obligation.js';
import type { SnapshotProblem } from './engine/snapshot-error.js';
import { checkSnapshot, type Snapshot } from './engine/validate.js';
import { getRuleSet, withShippedBases } from './rules/registry.js';

/**
 * The options with the rule set named by id resolved among the shipped sets, and sets of your
 * own that extend a shipped set linked to it. The engine itself knows only the sets it is given,
 * so that `practice-timescales/engine` carries no rule tables; the main entry knows them all.
 */
function withShippedSets(options: EvaluateOptions): EvaluateOptions {
  if (typeof options !== 'object' || options === null) return options;
  const { ruleSet, ruleSets: extra } = options;
  const set = typeof ruleSet !== 'string' ? ruleSet : (extra && Object.hasOwn(extra, ruleSet) ? extra[ruleSet] : undefined) ?? getRuleSet(ruleSet);
  if (typeof set !== 'object' || set === null) return options;
  withShippedBases(set, extra);
  if (extra) for (const s of Object.values(extra)) withShippedBases(s, extra);
  return set === ruleSet ? options : { ...options, ruleSet: set };
}

/**
 * Evaluates a child's case snapshot (or a worker's supervision record) against a rule set as of
 * a date: every obligation with its due date, status and a plain-English explanation citing the
 * standard. Pure and deterministic: it never reads the clock.
 *
 * `ruleSet` may name a shipped set by id. To carry one set's tables only, import `evaluate` from
 * `practice-timescales/engine` and the set from its own entry (`practice-timescales/rules/leeds-2023`).
 *
 * @example
 * ```ts
 * import { evaluate } from 'practice-timescales';
 * const report = evaluate(
 *   { caseId: 'C-001', child: { dateOfBirth: '2015-05-01' }, events: [{ id: 'e1', type: 'child-in-need-plan-started', date: '2024-01-08' }] },
 *   { ruleSet: 'leeds-2023', asOf: '2024-04-09' },
 * );
 * for (const o of report.breaches) console.log(o.ruleId, o.status, o.due, o.explanation);
 * ```
 * @throws SnapshotError when the snapshot is invalid (every problem, with codes and paths).
 * Fields the schema does not know are ignored and listed in the report's `warnings` (with
 * `strict`, refused).
 *
 * @throws TimescaleError for a bad option, naming it: `invalid-option` (missing or mistyped),
 *   `invalid-date` or `out-of-calendar-range` (asOf), `unknown-rule-set`, `invalid-rule-set`,
 *   `invalid-calendar`.
 */
export function evaluate(snapshot: unknown, options: EvaluateOptions): Report {
  // The snapshot is checked first, as the engine does: its problems are the ones a caller most needs.
  const strict = typeof options === 'object' && options !== null && options.strict === true;
  const { snapshot: valid, warnings } = checkSnapshot(snapshot, { strict });
  return evaluateValidated(valid, options, warnings);
}

/**
 * {@link evaluate} for a snapshot already known to be valid (from `validateSnapshot` or
 * `checkSnapshot`, whose warnings it puts in the report), for callers that validate once and
 * report errors themselves.
 */
export function evaluateValidated(snapshot: Snapshot, options: EvaluateOptions, warnings: readonly SnapshotProblem[] = []): Report {
  return evaluateValidatedGiven(snapshot, withShippedSets(options), warnings);
}
