import type { Rule } from '../rules/rule-schema.js';
import { anchorsFor } from './conditions.js';
import type { EvalContext } from './context.js';
import type { KindEvaluator } from './kind.js';
import { isoDate } from './iso-text.js';
import { dueOn, outcome, pointOf, UNTRACED, type Outcome } from './outcome.js';
import { nthCandidate } from './satisfy.js';

type PresenceRule = Extract<Rule, { kind: 'presence' }>;

/**
 * Something that must exist once the anchor happens, with no timescale of its own: any
 * matching record up to the as-of date meets it, whenever it was made. Without one the duty is
 * overdue from the anchor's day: the standard gives no later date.
 */
function evaluatePresence(ctx: EvalContext, rule: PresenceRule): Outcome[] {
  const anchor = anchorsFor(ctx, rule, rule.anchor)[0];
  if (!anchor) return [];
  const sat = nthCandidate(ctx, rule.satisfiedBy, anchor, -Infinity);
  const trace = !ctx.tracing ? UNTRACED : [
    { step: 'anchor' as const, detail: `Required from the ${anchor.label}.`, date: isoDate(anchor.day), ...(anchor.eventId ? { eventId: anchor.eventId } : {}) },
    sat
      ? { step: 'satisfied' as const, detail: `${rule.satisfiedBy.evidence} recorded.`, date: isoDate(sat.day), eventId: sat.id }
      : { step: 'none' as const, detail: `No ${rule.satisfiedBy.evidence} recorded up to ${isoDate(ctx.asOf)}.` },
  ];
  const due = dueOn(anchor.day);
  if (sat) return [outcome({ instance: 0, status: 'met', due, anchor, satisfied: sat, trace })];
  if (anchor.day < ctx.asOf) return [outcome({ instance: 0, status: 'overdue', due, anchor, lateTo: pointOf(ctx.asOf), trace })];
  return [outcome({ instance: 0, status: 'due', due, anchor, trace })];
}

/** The engine's side of the presence kind. */
export const presenceKind: KindEvaluator<PresenceRule> = { evaluate: evaluatePresence };
