import { linkBase } from '../chain.js';
import { parseRuleSet } from '../parse-rule-set.js';
import type { RuleSet } from '../rule-schema.js';

/**
 * Validates a shipped rule table and links it to the set it extends. Each shipped set's module
 * calls this on first use, not at import: validating a table takes tens of milliseconds, and a
 * bundler can drop a module whose export is never called.
 */
export function loadShipped(raw: unknown, base?: () => RuleSet): RuleSet {
  const set = parseRuleSet(raw);
  if (base) linkBase(set, base());
  return set;
}
