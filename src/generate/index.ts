/** Seeded synthetic case snapshots, for demonstrations, tests and benchmarks. */
export { generateCaseload, generateSnapshot, DEFAULT_GENERATED_AS_OF, type CaseloadOptions } from './generate.js';
