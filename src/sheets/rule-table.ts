import { ruleSetChain } from '../rules/registry.js';
import { describeTimescale } from '../rules/describe-timescale.js';
import type { RuleSet } from '../rules/rule-schema.js';

/** The header row of {@link ruleTable}. */
export const RULE_TABLE_HEADER = ['Rule id', 'Title', 'Timescale', 'Rule set', 'Kind'] as const;

function rowsOf(set: RuleSet): string[][] {
  // The catalogue's own words for each timescale, so a sheet and the catalogue never differ.
  return set.rules.map((rule) => [rule.id, rule.title, describeTimescale(rule), set.id, rule.kind]);
}

/**
 * The rules people can pick from, as a table with a header row: every rule of the given sets,
 * or of one set and the sets it extends, base first.
 */
export function ruleTable(sets: readonly RuleSet[], chosen?: RuleSet, extra?: Readonly<Record<string, RuleSet>>): string[][] {
  return [[...RULE_TABLE_HEADER], ...(chosen ? ruleSetChain(chosen, extra) : sets).flatMap(rowsOf)];
}
