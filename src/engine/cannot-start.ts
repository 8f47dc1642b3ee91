import { ruleKind } from '../rules/kinds/index.js';
import type { Rule, Trigger } from '../rules/rule-schema.js';
import type { PreparedSubject } from './prepared.js';

/**
 * What must be recorded before anything about a rule can be found: for each list, an event of
 * one of its types (by number, see {@link recordedTypes}). Null when that cannot be told from
 * event types alone.
 */
export type StartingTypes = readonly (readonly number[])[] | null;

/** A number for each event type a rule starts from, so that a snapshot's types are an array. */
const typeNumbers = new Map<string, number>();

function typesOf(trigger: Trigger): readonly number[] | null {
  if ('age' in trigger) return null;
  return (typeof trigger.type === 'string' ? [trigger.type] : trigger.type).map((type) => {
    let n = typeNumbers.get(type);
    if (n === undefined) {
      n = typeNumbers.size;
      typeNumbers.set(type, n);
    }
    return n;
  });
}

/**
 * Which of the types rules start from the subject records, by number: worked out once per
 * snapshot, so that each rule's question is an array read rather than a lookup by text.
 */
export function recordedTypes(subject: PreparedSubject): Uint8Array {
  const recorded = new Uint8Array(typeNumbers.size);
  subject.byType.forEach((_, type) => {
    const n = typeNumbers.get(type);
    if (n !== undefined) recorded[n] = 1;
  });
  return recorded;
}

/**
 * What a rule needs recorded before anything about it can be found. When it is limited to a
 * period opened by an event, that event: the period is looked for first, and without its opening
 * event there is none. And the event that starts the rule, unless an age starts it, its targets
 * are numbered within episodes the engine always resolves, or its period can end at an age or
 * after an absence (working either out may find a fact missing, which must be said).
 */
export function startingTypes(rule: Rule): StartingTypes {
  const needs: (readonly number[])[] = [];
  const period = rule.appliesWhen?.withinEpisode;
  const opening = period ? typesOf(period.start) : null;
  if (opening) needs.push(opening);
  const plainPeriod = !period || (!period.ceasesAfterAbsence && (period.end ?? []).every((t) => !('age' in t)));
  const start = typesOf(ruleKind(rule).trigger(rule));
  if (start && plainPeriod && !('nthTarget' in rule && rule.nthTarget)) needs.push(start);
  return needs.length === 0 ? null : needs;
}

/**
 * True when a rule can give this subject nothing but its one `not-applicable` obligation: no
 * event of a type it needs (see {@link startingTypes}) is recorded, and no variation names it.
 * Every kind finds its instances from its trigger's events, and the period is looked for first,
 * so without either event there is no instance and no fact to miss. The engine then skips the
 * rule on the fast path; the text (written when read) still evaluates it in full to say why.
 */
export function cannotStart(subject: PreparedSubject, recorded: Uint8Array, rule: Rule, starts: StartingTypes): boolean {
  if (starts === null) return false;
  for (const v of subject.variations) if (v.ruleId === rule.id) return false;
  for (const types of starts) {
    let any = 0;
    for (const n of types) any |= recorded[n]!;
    if (any === 0) return true;
  }
  return false;
}
