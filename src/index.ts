/**
 * Everything in one import: the working-day calendar, the snapshot schemas, every shipped rule
 * set (named by id) and the engine. Bundlers drop what a page does not use; for the smallest
 * pages import from `practice-timescales/calendar`, `practice-timescales/engine` and one set's
 * entry such as `practice-timescales/rules/leeds-2023`.
 *
 * @module practice-timescales
 */
export * from './errors.js';
export * from './calendar/index.js';
export { DurationSchema } from './calendar/duration.js';
export { CaseSnapshot, SchoolTerms } from './schemas/case-snapshot.js';
export { CaseEvent, type CaseEventType } from './schemas/events.js';
export { WorkerSnapshot, WorkerEvent, type WorkerEventType } from './schemas/worker-snapshot.js';
export { Variation } from './schemas/variation.js';
export { Role, VisitMode, PlacementKind } from './schemas/primitives.js';
export * from './schemas/event-table.js';
export { Rule, RuleSet, Selector, Trigger, Episode, Phase, Satisfier, Boundary, type RuleSetInput } from './rules/rule-schema.js';
export { ruleSets, ruleSetIds, getRuleSet, parseRuleSet, findRule, type RuleInSet } from './rules/registry.js';
export { englandStatutory } from './rules/sets/england-statutory.js';
export { leeds2023 } from './rules/sets/leeds-2023.js';
export { westBerkshire } from './rules/sets/west-berkshire.js';
export { renderCatalogue, type CatalogueCase, type CatalogueOptions } from './rules/catalogue.js';
export { evaluate, evaluateValidated } from './evaluate-shipped.js';
export type { EvaluateOptions } from './engine/evaluate.js';
export { evaluateRule } from './evaluate-rule.js';
export { validateSnapshot, type Snapshot } from './engine/validate.js';
export { checkSnapshot, type CheckedSnapshot, type CheckOptions } from './engine/validate.js';
export type { RefusalCode } from './engine/variations.js';
export { SnapshotError, type SnapshotProblem, type SnapshotProblemCode } from './engine/snapshot-error.js';
export { STATUSES, type Obligation, type ObligationStatus, type Report, type TraceStep, type Lateness } from './engine/obligation.js';
export { generateCaseload, generateSnapshot, DEFAULT_GENERATED_AS_OF, type CaseloadOptions } from './generate/index.js';
export { Supply, SuppliedEvents } from './schemas/supply.js';
export { ASSUMPTIONS, type Assumption } from './engine/partial-data.js';
export { ruleCoverage, type Coverage } from './engine/supply.js';
