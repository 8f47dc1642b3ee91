import { ruleKind } from './kinds/index.js';
import type { Rule } from './rule-schema.js';
import { list } from './vocabulary.js';

/**
 * The timescale of a rule in plain English, derived from its kind, durations and phases (so the
 * catalogue can never drift from the table), e.g. "Visit: first within 2 working days of the
 * start of the child protection plan, then within 15 working days of the last one".
 */
export function describeTimescale(rule: Rule): string {
  const facts = Object.entries(rule.appliesWhen?.facts ?? {}).map(([f, v]) => `${f} ${Array.isArray(v) ? list(v.map(String)) : String(v)}`);
  const applies = facts.length ? ` Applies when ${list(facts, 'and')}.` : '';
  return `${ruleKind(rule).describe(rule)}${applies}`;
}
