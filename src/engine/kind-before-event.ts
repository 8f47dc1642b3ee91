import { negateDuration } from '../calendar/negate-duration.js';
import type { Rule } from '../rules/rule-schema.js';
import { anchorsFor } from './conditions.js';
import type { EvalContext } from './context.js';
import type { KindEvaluator } from './kind.js';
import { durationText, triggerLabel } from '../rules/vocabulary.js';
import { isoDate } from './iso-text.js';
import type { TraceStep } from './obligation.js';
import { dueOn, judge, outcome, UNTRACED, type Outcome } from './outcome.js';
import { targetsOf } from './nth-target.js';
import { nthCandidate } from './satisfy.js';

type BeforeEventRule = Extract<Rule, { kind: 'before-event' }>;

/** A duty due some time before each target event (reports shared before a meeting). */
function evaluateBeforeEvent(ctx: EvalContext, rule: BeforeEventRule): Outcome[] {
  const { targets, unknown } = targetsOf(ctx, rule, anchorsFor(ctx, rule, rule.target));
  const unplaced: Outcome[] = unknown ? [outcome({ instance: targets.length, status: 'unknown', reason: unknown, trace: ctx.tracing ? [{ step: 'note', detail: `${unknown}.` }] : UNTRACED })] : [];
  return targets.map(({ anchor: target, from }, instance): Outcome => {
    const detail = `The ${target.label}.`;
    const trace: TraceStep[] = !ctx.tracing ? UNTRACED : [target.eventId ? { step: 'anchor', detail, date: isoDate(target.day), eventId: target.eventId } : { step: 'anchor', detail, date: isoDate(target.day) }];
    const due = dueOn(ctx.add(target.day, negateDuration(rule.before)));
    if (ctx.tracing) trace.push({ step: 'due', detail: `${durationText(rule.before)} before the ${target.label}.`, date: isoDate(due.day) });
    // Where each meeting needs its own record, one made on or before the previous meeting was for that one.
    const after = rule.satisfiedBy.afterPreviousTarget && instance > 0 ? targets[instance - 1]!.anchor.day + 1 : from;
    const sat = nthCandidate(ctx, rule.satisfiedBy, target, after);
    if (ctx.tracing) {
      if (sat) trace.push({ step: 'satisfied', detail: `${rule.satisfiedBy.evidence} recorded.`, date: isoDate(sat.day), eventId: sat.id });
      else trace.push({ step: 'none', detail: `No ${rule.satisfiedBy.evidence} recorded up to ${isoDate(ctx.asOf)}.` });
    }
    const v = judge(due, sat, ctx.asOf);
    return outcome({ instance, status: v.status, due, anchor: target, satisfied: sat, lateTo: v.lateTo, trace });
  }).concat(unplaced);
}

/** The engine's side of the before-event kind: its trigger is a meeting, perhaps a numbered one. */
export const beforeEventKind: KindEvaluator<BeforeEventRule> = {
  evaluate: evaluateBeforeEvent,
  noInstanceReason(ctx, rule) {
    const n = rule.nthTarget;
    if (n) return `no ${triggerLabel(rule.target)} number ${n.nth} of a period from the ${triggerLabel(n.episode.start)} is recorded up to ${isoDate(ctx.asOf)}`;
    return `no meeting that starts this duty is recorded up to ${isoDate(ctx.asOf)}`;
  },
};
