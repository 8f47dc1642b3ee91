import { formatIsoDate } from '../calendar/day-number.js';
import { formatDuration } from '../calendar/index.js';
import type { Duration } from '../calendar/duration.js';
import type { Rule } from '../rules/rule-schema.js';
import type { EvalContext } from './context.js';
import type { TraceStep } from './obligation.js';
import { judge, type Outcome } from './outcome.js';
import { candidates } from './satisfy.js';
import { resolveTrigger } from './triggers.js';

type BeforeEventRule = Extract<Rule, { kind: 'before-event' }>;

function negate(d: Duration): Duration {
  return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, -(v as number)])) as Duration;
}

/** A duty due some time before each target event (reports shared before a meeting). */
export function evaluateBeforeEvent(ctx: EvalContext, rule: BeforeEventRule): Outcome[] {
  return resolveTrigger(ctx, rule.target).map((target, instance): Outcome => {
    const trace: TraceStep[] = [{ step: 'anchor', detail: `The ${target.label}.`, date: formatIsoDate(target.day), ...(target.eventId ? { eventId: target.eventId } : {}) }];
    const due = { day: ctx.add(target.day, negate(rule.before)) };
    trace.push({ step: 'due', detail: `${formatDuration(rule.before)} before the ${target.label}.`, date: formatIsoDate(due.day) });
    const sat = candidates(ctx, rule.satisfiedBy, target)[0];
    if (sat) trace.push({ step: 'satisfied', detail: `${rule.satisfiedBy.evidence} recorded.`, date: formatIsoDate(sat.day), eventId: sat.id });
    else trace.push({ step: 'none', detail: `No ${rule.satisfiedBy.evidence} recorded up to ${formatIsoDate(ctx.asOf)}.` });
    const v = judge(due, sat, ctx.asOf);
    return { instance, status: v.status, due, anchor: target, ...(sat ? { satisfied: sat } : {}), ...(v.lateTo ? { lateTo: v.lateTo } : {}), trace };
  });
}
