import { formatIsoDate } from '../calendar/day-number.js';
import { formatDuration } from '../calendar/index.js';
import type { Rule } from '../rules/rule-schema.js';
import type { EvalContext } from './context.js';
import type { TraceStep } from './obligation.js';
import { judge, type Anchor, type Due, type Outcome } from './outcome.js';
import { candidates } from './satisfy.js';
import { eventsMatching, resolveTrigger } from './triggers.js';
import { exceptionFor } from './variations.js';

type DeadlineRule = Extract<Rule, { kind: 'deadline' }>;

/**
 * The due point of a deadline. Hours count exact elapsed time from the anchor's `at`; without a
 * recorded time, whole days are counted (rounded up) and compared by date, so a missing time
 * never produces a breach.
 */
export function dueFrom(ctx: EvalContext, anchor: Anchor, rule: { due: DeadlineRule['due'] }, trace: TraceStep[]): Due {
  const hours = rule.due.hours;
  if (hours === undefined) return { day: ctx.add(anchor.day, rule.due) };
  const ev = anchor.event;
  if (ev?.minute !== undefined) {
    const minute = ev.minute + hours * 60;
    return { day: Math.floor((minute + ev.offset) / 1440), minute, offset: ev.offset };
  }
  trace.push({ step: 'note', detail: `No time is recorded on the ${anchor.label}, so ${hours} hours are counted as ${Math.ceil(hours / 24)} whole day(s) and compared by date.` });
  return { day: anchor.day + Math.ceil(hours / 24) };
}

/** A one-off deadline after each anchor (or, with a negative duration, before it). */
export function evaluateDeadline(ctx: EvalContext, rule: DeadlineRule): Outcome[] {
  const ageAnchor = 'age' in rule.anchor;
  const anchors = resolveTrigger(ctx, rule.anchor, true);
  return anchors.map((anchor, instance): Outcome => {
    const trace: TraceStep[] = [{ step: 'anchor', detail: `Clock starts at the ${anchor.label}.`, date: formatIsoDate(anchor.day), ...(anchor.eventId ? { eventId: anchor.eventId } : {}) }];
    const due = dueFrom(ctx, anchor, rule, trace);
    trace.push({ step: 'due', detail: `${formatDuration(rule.due)} from the ${anchor.label}.`, date: formatIsoDate(due.day) });
    const exception = exceptionFor(ctx, rule, anchor.eventId, due.day, trace);
    const effectiveDue: Due = exception ? { day: Math.max(exception.earliest, due.day) } : due;
    // An age duty can be met before the birthday (a housing plan made at 15 counts at 16).
    const from = ageAnchor ? -Infinity : rule.satisfiedBy.onAnchorDay === false ? anchor.day + 1 : anchor.day;
    const sat = candidates(ctx, rule.satisfiedBy, anchor).find((c) => c.day >= from);
    const cancel = rule.cancelledBy
      ? eventsMatching(ctx, rule.cancelledBy).find((e) => e.day >= anchor.day && (!sat || e.day < sat.day))
      : undefined;
    if (cancel && cancel.day <= effectiveDue.day) {
      trace.push({ step: 'cancelled', detail: `The duty ended with the ${cancel.type.replace(/-/g, ' ')} before it fell due.`, date: formatIsoDate(cancel.day), eventId: cancel.id });
      return { instance, status: 'not-applicable', due: effectiveDue, anchor, reason: 'the duty ended before it fell due', trace };
    }
    if (sat) trace.push({ step: 'satisfied', detail: `${rule.satisfiedBy.evidence} recorded.`, date: formatIsoDate(sat.day), eventId: sat.id });
    else trace.push({ step: 'none', detail: `No ${rule.satisfiedBy.evidence} recorded up to ${formatIsoDate(ctx.asOf)}.` });
    const verdict = judge(effectiveDue, sat, ctx.asOf, cancel?.day);
    const status = exception && verdict.status === 'met' ? 'excepted' : verdict.status;
    return { instance, status, due: effectiveDue, anchor, ...(sat ? { satisfied: sat } : {}), ...(verdict.lateTo ? { lateTo: verdict.lateTo } : {}), trace };
  });
}

