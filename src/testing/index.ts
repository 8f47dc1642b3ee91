/**
 * Test helpers for council developers: snapshot builders derived from the schema, and matchers for
 * vitest and jest. Kept out of the core entry; import from `practice-timescales/testing`.
 * @packageDocumentation
 */
export { aCase, type CaseBuilder, type CaseBuilderCore } from './case-builder.js';
export { aWorker, type WorkerBuilder, type WorkerBuilderCore } from './worker-builder.js';
export type { EventMethods, FieldsOf } from './event-methods.js';
export type { CheckedDate, DateArg } from './iso-date.js';
export type { MethodName } from './names.js';
export { timescaleMatchers, type DueByFilter, type ObligationPattern, type TimescaleMatchers } from './matchers.js';
export { describeRuleCases, ruleCases, type RunnableRuleCase, type RuleCasesOptions, type TestFunctions } from './rule-cases.js';
export type { CaseResult, RuleCase } from '../authoring/cases.js';
