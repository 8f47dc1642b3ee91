import { ruleKind } from '../rules/kinds/index.js';
import type { Rule } from '../rules/rule-schema.js';
import type { PreparedSubject } from './prepared.js';

const cache = new WeakMap<Rule, readonly string[] | null>();

/** The event types that start a rule's duty, or null when an age starts it. Worked out once per rule. */
function startTypes(rule: Rule): readonly string[] | null {
  let types = cache.get(rule);
  if (types === undefined) {
    const trigger = ruleKind(rule).trigger(rule);
    types = 'age' in trigger ? null : Array.isArray(trigger.type) ? trigger.type : [trigger.type];
    cache.set(rule, types);
  }
  return types;
}

/**
 * True when the subject records no event of any type that starts the rule's duty, so that the
 * rule can have no instance: every kind finds its instances from those events (a deadline's
 * anchors, a meeting a report is due before, the start of a recurring duty's episode).
 */
export function nothingStarts(subject: PreparedSubject, rule: Rule): boolean {
  const types = startTypes(rule);
  if (types === null) return false;
  for (const t of types) if (subject.byType.has(t)) return false;
  return true;
}
