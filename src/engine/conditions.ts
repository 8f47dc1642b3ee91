import type { Rule } from '../rules/rule-schema.js';
import type { EvalContext } from './context.js';
import { resolveEpisodes, triggerLabel } from './triggers.js';

function factHolds(value: unknown, expected: unknown): boolean {
  return Array.isArray(expected) ? expected.includes(value) : value === expected;
}

/**
 * Why a rule does not apply to this subject, or undefined when it may. A fact the snapshot does
 * not record is read as not holding (e.g. a child not recorded as a care leaver), and the reason
 * says so, so that a missing flag never produces a breach.
 */
export function notApplicableReason(ctx: EvalContext, rule: Rule): string | undefined {
  const when = rule.appliesWhen;
  if (!when) return undefined;
  for (const [fact, expected] of Object.entries(when.facts ?? {})) {
    const value = ctx.subject.facts[fact];
    if (!factHolds(value, expected)) {
      return value === undefined ? `the snapshot does not record ${fact}` : `${fact} is not ${Array.isArray(expected) ? expected.join(' or ') : String(expected)}`;
    }
  }
  if (when.withinEpisode && resolveEpisodes(ctx, when.withinEpisode).length === 0) {
    return `no ${triggerLabel(when.withinEpisode.start)} is recorded`;
  }
  return undefined;
}

/** Whether a day falls inside one of the episodes a rule's condition names. */
export function withinCondition(ctx: EvalContext, rule: Rule, day: number): boolean {
  const spec = rule.appliesWhen?.withinEpisode;
  if (!spec) return true;
  return resolveEpisodes(ctx, spec).some((ep) => day >= ep.start.day && (ep.endDay === undefined || day <= ep.endDay));
}
