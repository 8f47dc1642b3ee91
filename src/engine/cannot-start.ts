import { ruleKind } from '../rules/kinds/index.js';
import type { Rule, Selector, Trigger } from '../rules/rule-schema.js';
import { typeNumber } from './event-types.js';
import type { EvalContext } from './context.js';
import { eventsOf } from './triggers.js';

/** An event a rule needs recorded: one matching `selector`, whose type is one of `types` (by number, see `typeNumber`). */
export interface StartingEvent {
  readonly types: readonly number[];
  readonly selector: Selector;
}

/**
 * What must be recorded before anything about a rule can be found: an event matching each.
 * Null when that cannot be told from events alone.
 */
export type StartingEvents = readonly StartingEvent[] | null;

function startingEvent(trigger: Trigger): StartingEvent | null {
  if ('age' in trigger) return null;
  const types = (typeof trigger.type === 'string' ? [trigger.type] : trigger.type).map(typeNumber);
  return { types, selector: trigger };
}

/**
 * What a rule needs recorded before anything about it can be found. When it is limited to a
 * period opened by an event, that event: the period is looked for first, and without its opening
 * event there is none. And the event that starts the rule, unless an age starts it, its targets
 * are numbered within episodes the engine always resolves, or its period can end at an age or
 * after an absence (working either out may find a fact missing, which must be said).
 */
export function startingEvents(rule: Rule): StartingEvents {
  const needs: StartingEvent[] = [];
  const period = rule.appliesWhen?.withinEpisode;
  const opening = period ? startingEvent(period.start) : null;
  if (opening) needs.push(opening);
  const plainPeriod = !period || (!period.ceasesAfterAbsence && (period.end ?? []).every((t) => !('age' in t)));
  const start = startingEvent(ruleKind(rule).trigger(rule));
  if (start && plainPeriod && !('nthTarget' in rule && rule.nthTarget)) needs.push(start);
  return needs.length === 0 ? null : needs;
}

/**
 * True when a rule can give this subject nothing but its one `not-applicable` obligation: no
 * event it needs (see {@link startingEvents}) is recorded, and no variation names it. Every kind
 * finds its instances from the events its trigger matches (type and fields), and the period is
 * looked for first, so without either there is no instance and no fact to miss. The engine then
 * skips the rule on the fast path; the text (written when read) still evaluates it in full to say
 * why. The types are tried first, as array reads by number; then the events matching each
 * selector, which the context remembers for the rules that read them next.
 */
export function cannotStart(ctx: EvalContext, rule: Rule, starts: StartingEvents): boolean {
  if (starts === null) return false;
  for (const v of ctx.subject.variations) if (v.ruleId === rule.id) return false;
  const byType = ctx.subject.byTypeNumber;
  for (let i = 0; i < starts.length; i++) {
    const types = starts[i]!.types;
    let any = false;
    for (let j = 0; j < types.length && !any; j++) any = byType[types[j]!] !== undefined;
    if (!any) return true;
  }
  for (const need of starts) if (eventsOf(ctx, need.selector).length === 0) return true;
  return false;
}
