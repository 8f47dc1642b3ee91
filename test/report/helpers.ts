import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { englandAndWales, evaluateValidated, generateCaseload, getRuleSet, validateSnapshot, type Report } from '../../src/index.js';

/** The bundled example caseload. */
export const EXAMPLE = fileURLToPath(new URL('../../examples/caseload.jsonl', import.meta.url));
export const AS_OF = '2024-04-09';
export const calendar = englandAndWales();

/** The example caseload's reports under a rule set. */
export function exampleReports(rules = 'leeds-2023'): Report[] {
  const ruleSet = getRuleSet(rules);
  return readFileSync(EXAMPLE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => evaluateValidated(validateSnapshot(JSON.parse(l)), { ruleSet, asOf: AS_OF, calendar }));
}

/** A generated caseload's reports. */
export function generatedReports(cases: number, seed: number, rules = 'leeds-2023'): Report[] {
  const ruleSet = getRuleSet(rules);
  return [...generateCaseload({ cases, seed })].map((s) => evaluateValidated(validateSnapshot(s), { ruleSet, asOf: AS_OF, calendar }));
}
