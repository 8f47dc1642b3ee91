import type { Rule } from '../rules/rule-schema.js';
import { anchorsFor } from './conditions.js';
import type { EvalContext } from './context.js';
import type { KindEvaluator } from './kind.js';
import { dueDay } from './due-day.js';
import { durationText } from '../rules/vocabulary.js';
import { isoDate } from './iso-text.js';
import type { TraceStep } from './obligation.js';
import type { PreparedEvent } from './prepared.js';
import { dueAt, dueOn, judge, outcome, UNTRACED, type Anchor, type Due, type Outcome } from './outcome.js';
import { firstOnOrAfter } from './first-on-or-after.js';
import { nthCandidate } from './satisfy.js';
import { capitalise, eventLabel, triggerLabel } from '../rules/vocabulary.js';
import { eventsMatching } from './triggers.js';
import { exceptionFor } from './variations.js';

type DeadlineRule = Extract<Rule, { kind: 'deadline' }>;

/**
 * The due point of a deadline. Hours count exact elapsed time from the anchor's `at`; without a
 * recorded time, whole days are counted (rounded up) and compared by date, so a missing time
 * never produces a breach.
 */
export function dueFrom(ctx: EvalContext, anchor: Anchor, rule: Pick<DeadlineRule, 'due' | 'onNonWorkingDay'>, trace: TraceStep[]): Due {
  const hours = rule.due.hours;
  if (hours === undefined) return dueDay(ctx, anchor.day, rule.due, rule.onNonWorkingDay);
  const ev = anchor.event;
  if (ev?.minute !== undefined) {
    const minute = ev.minute + hours * 60;
    return dueAt(Math.floor((minute + ev.offset) / 1440), minute, ev.offset);
  }
  if (ctx.tracing) trace.push({ step: 'note', detail: `No time is recorded on the ${anchor.label}, so ${hours} hours are counted as ${Math.ceil(hours / 24)} whole day(s) and compared by date.` });
  return dueOn(anchor.day + Math.ceil(hours / 24));
}

interface Window {
  /** The first day a satisfying event counts. */
  readonly from: number;
  /** Before this day only events naming the anchor (through the link) count. */
  readonly namedBefore?: number;
  /** The events that open the window, in words, when none is recorded. */
  readonly missing?: string;
}

/** From when a satisfying event counts: the anchor, or the window the rule's `countsFrom` opens. */
function countsFrom(ctx: EvalContext, rule: DeadlineRule, anchor: Anchor, trace: TraceStep[]): Window {
  const spec = rule.satisfiedBy.countsFrom;
  const atAnchor = rule.satisfiedBy.onAnchorDay === false ? anchor.day + 1 : anchor.day;
  if (!spec) return { from: atAnchor };
  if (spec.since === 'any-time') return { from: -Infinity, namedBefore: anchor.day };
  const since = eventsMatching(ctx, spec.since);
  const opening = since[firstOnOrAfter(since, anchor.day + 1) - 1];
  if (!opening) return { from: atAnchor, missing: spec.since.map(triggerLabel).join(' or ') };
  if (ctx.tracing) trace.push({ step: 'note', detail: `${capitalise(rule.satisfiedBy.evidence)} counts from the ${eventLabel(opening.type)}.`, date: isoDate(opening.day), eventId: opening.id });
  return { from: opening.day, namedBefore: anchor.day };
}

/**
 * The first cancelling event on or after the anchor day and before the duty was met, if any.
 * Events are in date order, so only the first on or after the anchor day can be before the
 * satisfying event when any is.
 */
function cancellation(cancelling: readonly PreparedEvent[], anchorDay: number, sat: { readonly day: number } | undefined): PreparedEvent | undefined {
  const first = cancelling[firstOnOrAfter(cancelling, anchorDay)];
  return first !== undefined && (sat === undefined || first.day < sat.day) ? first : undefined;
}

function anchorStep(anchor: Anchor): TraceStep {
  const detail = `Clock starts at the ${anchor.label}.`;
  return anchor.eventId ? { step: 'anchor', detail, date: isoDate(anchor.day), eventId: anchor.eventId } : { step: 'anchor', detail, date: isoDate(anchor.day) };
}

/** A one-off deadline after each anchor (or, with a negative duration, before it). */
function evaluateDeadline(ctx: EvalContext, rule: DeadlineRule): Outcome[] {
  const ageAnchor = 'age' in rule.anchor;
  const anchors = anchorsFor(ctx, rule, rule.anchor, true);
  return anchors.map((anchor, instance): Outcome => {
    const trace: TraceStep[] = ctx.tracing ? [anchorStep(anchor)] : UNTRACED;
    const due = dueFrom(ctx, anchor, rule, trace);
    if (ctx.tracing) trace.push({ step: 'due', detail: `${durationText(rule.due)} from the ${anchor.label}${due.note ? `; ${due.note}` : ''}.`, date: isoDate(due.day) });
    const exception = exceptionFor(ctx, rule, anchor.eventId, due.day, trace);
    // An age duty can be met before the birthday (a housing plan made at 15 counts at 16), and a
    // duty due before its anchor (a negative duration) by what came before the anchor.
    const window = ageAnchor || due.day < anchor.day ? { from: -Infinity } : countsFrom(ctx, rule, anchor, trace);
    const sat = nthCandidate(ctx, rule.satisfiedBy, anchor, window.from, rule.satisfiedBy.nth, window.namedBefore);
    if (window.missing !== undefined) {
      const early = nthCandidate(ctx, rule.satisfiedBy, anchor, -Infinity, rule.satisfiedBy.nth, anchor.day);
      if (early && early.day < anchor.day && !(sat && judge(due, sat, ctx.asOf).status === 'met')) {
        const reason = `no ${window.missing} is recorded on or before the ${anchor.label} on ${isoDate(anchor.day)}, so whether the ${rule.satisfiedBy.evidence} on ${isoDate(early.day)} counts for it cannot be told`;
        if (ctx.tracing) trace.push({ step: 'note', detail: `${reason}.` });
        return outcome({ instance, status: 'unknown', due, anchor, reason, trace });
      }
    }
    // A duty met within the standard timescale is met: the exception was not needed.
    const metInTime = exception !== undefined && sat !== undefined && judge(due, sat, ctx.asOf).status === 'met';
    if (metInTime && ctx.tracing) trace.push({ step: 'exception', detail: `Met within the standard timescale, so exception ${exception.id} was not needed.` });
    const effectiveDue: Due = exception && !metInTime ? dueOn(Math.max(exception.earliest, due.day)) : due;
    const cancel = rule.cancelledBy ? cancellation(eventsMatching(ctx, rule.cancelledBy), anchor.day, sat) : undefined;
    if (cancel && cancel.day <= effectiveDue.day) {
      if (ctx.tracing) trace.push({ step: 'cancelled', detail: `The duty ended with the ${cancel.type.replace(/-/g, ' ')} before it fell due.`, date: isoDate(cancel.day), eventId: cancel.id });
      return outcome({ instance, status: 'not-applicable', due: effectiveDue, anchor, reason: 'the duty ended before it fell due', trace });
    }
    if (ctx.tracing) {
      if (sat) trace.push({ step: 'satisfied', detail: `${rule.satisfiedBy.evidence} recorded.`, date: isoDate(sat.day), eventId: sat.id });
      else trace.push({ step: 'none', detail: `No ${rule.satisfiedBy.evidence} recorded up to ${isoDate(ctx.asOf)}.` });
    }
    const verdict = judge(effectiveDue, sat, ctx.asOf, cancel?.day);
    const status = exception && !metInTime && verdict.status === 'met' ? 'excepted' : verdict.status;
    return outcome({ instance, status, due: effectiveDue, anchor, satisfied: sat, lateTo: verdict.lateTo, trace });
  });
}

/** The engine's side of the deadline kind. */
export const deadlineKind: KindEvaluator<DeadlineRule> = { evaluate: evaluateDeadline };
