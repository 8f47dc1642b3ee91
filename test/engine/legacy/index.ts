/**
 * The engine on its own: `evaluate` with the rule sets you give it and no others. This is the
 * `practice-timescales/engine` entry. Pair it with one shipped set's entry so a page carries only
 * that set's tables:
 *
 * ```ts
 * import { evaluate } from 'practice-timescales/engine';
 * import { leeds2023 } from 'practice-timescales/rules/leeds-2023';
 * const report = evaluate(snapshot, { ruleSet: leeds2023(), asOf: '2024-04-09' });
 * ```
 *
 * Here a rule set named by id must be in the `ruleSets` option; the main `practice-timescales`
 * entry also knows every shipped set by id.
 *
 * @module engine
 */
export { TimescaleError, type TimescaleErrorCode } from '../../../src/errors.js';
export { evaluate, evaluateValidated, type EvaluateOptions } from './evaluate.js';
export { validateSnapshot, type Snapshot } from './validate.js';
export { SnapshotError, type SnapshotProblem, type SnapshotProblemCode } from './snapshot-error.js';
export { STATUSES, type Obligation, type ObligationStatus, type Report, type TraceStep, type Lateness } from './obligation.js';
export { parseRuleSet } from '../../../src/rules/parse-rule-set.js';
export { findRule, type RuleInSet } from '../../../src/rules/chain.js';
export type { RuleSet, Rule } from '../../../src/rules/rule-schema.js';
