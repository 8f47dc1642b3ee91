import type { Duration } from '../calendar/duration.js';
import type { Rule } from '../rules/rule-schema.js';
import type { EvalContext } from './context.js';
import type { KindEvaluator } from './kind.js';
import { dueDay } from './due-day.js';
import { durationText } from '../rules/vocabulary.js';
import { isoDate } from './iso-text.js';
import type { TraceStep } from './obligation.js';
import { judge, outcome, UNTRACED, type Anchor, type Outcome } from './outcome.js';
import type { PreparedEvent } from './prepared.js';
import { episodesFor } from './conditions.js';
import { firstOnOrAfter } from './first-on-or-after.js';
import { boundaryDay, eventsMatching, inEpisode, type ResolvedEpisode } from './triggers.js';
import { intervalVariations, type AcceptedInterval } from './variations.js';

type RecurringRule = Extract<Rule, { kind: 'recurring' }>;

function startMatches(ep: ResolvedEpisode, when: Record<string, unknown> | undefined): boolean {
  if (!when) return true;
  const raw = (ep.opening ?? ep.start).event?.raw;
  if (!raw) return false;
  return Object.entries(when).every(([k, v]) => (Array.isArray(v) ? v.includes(raw[k]) : raw[k] === v));
}

/**
 * Instances of a recurring duty: each is due one interval after the last time it was met (the
 * first one after the episode starts). The interval is the one in force on the day the clock
 * restarted: the phase reached by then, or an accepted variation. This is the reading that
 * protects the child: a phase that lengthens the interval never stretches a clock already running.
 */
function evaluateRecurring(ctx: EvalContext, rule: RecurringRule): Outcome[] {
  const varTrace: TraceStep[] = ctx.tracing ? [] : UNTRACED;
  const variations = intervalVariations(ctx, rule, varTrace);
  const key = rule.episode.key;
  const allEvents = eventsMatching(ctx, rule.satisfiedBy.events ?? []);
  const out: Outcome[] = [];
  for (const ep of episodesFor(ctx, rule, rule.episode)) {
    const applicable = rule.phases.map((p) => startMatches(ep, p.whenStart));
    // No phase is for this kind of episode (every phase names start fields it lacks): no duty.
    const firstApplicable = applicable.indexOf(true);
    if (firstApplicable < 0) continue;
    const phaseStarts = rule.phases.map((p, i) =>
      !applicable[i] ? undefined : i === 0 || !p.from ? ep.start.day : boundaryDay(ctx, ep, key, p.from),
    );
    // Without a key, an episode's events are those between its dates: found by halving, where a
    // filter would test every event once for each episode.
    const events = key === undefined ? allEvents : allEvents.filter((e) => inEpisode(ep, key, e));
    const from = key === undefined ? firstOnOrAfter(events, ep.start.day) : 0;
    const to = key === undefined && ep.endDay !== undefined ? firstOnOrAfter(events, ep.endDay + 1) : events.length;
    // Refused variations are named on every instance: the one they would have changed may be any.
    instances(ctx, rule, { ep, events, from, to, variations, phaseStarts, firstApplicable }, out.length === 0 || !ctx.tracing ? varTrace : varTrace.filter((t) => t.code !== undefined), out);
  }
  return out;
}

interface EpisodeClock {
  readonly ep: ResolvedEpisode;
  /** Satisfying events in date order: those inside the episode are `events[from]` to `events[to - 1]`. */
  readonly events: readonly PreparedEvent[];
  readonly from: number;
  readonly to: number;
  readonly variations: readonly AcceptedInterval[];
  /** The day each phase starts in this episode (undefined: not reached, or not for it). */
  readonly phaseStarts: readonly (number | undefined)[];
  readonly firstApplicable: number;
}

/**
 * The interval in force on a day: the last accepted variation covering it (one tied to a phase
 * only while that phase is in force), else the phase reached.
 */
function intervalAt(ctx: EvalContext, rule: RecurringRule, clock: EpisodeClock, day: number, trace: TraceStep[]): Duration {
  let chosen = clock.firstApplicable;
  for (let i = 0; i < clock.phaseStarts.length; i++) {
    const s = clock.phaseStarts[i];
    if (s !== undefined && s <= day) chosen = i;
  }
  const phase = rule.phases[chosen]!;
  let variation: AcceptedInterval | undefined;
  // By index: asked for every instance, where a loop of `for…of` here made an iterator each time.
  const variations = clock.variations;
  for (let i = 0; i < variations.length; i++) {
    const v = variations[i]!;
    if (v.from <= day && day <= v.until && (v.inPhase === undefined || v.inPhase === phase.label)) variation = v;
  }
  if (variation) {
    if (ctx.tracing) trace.push({ step: 'variation', detail: `Interval of ${durationText(variation.interval)} from variation ${variation.id}.` });
    return variation.interval;
  }
  if (rule.phases.length > 1 && ctx.tracing) trace.push({ step: 'phase', detail: `${phase.label ?? `Phase ${chosen + 1}`}: every ${durationText(phase.interval)}.` });
  return phase.interval;
}

/** The instances of one episode, appended to `out`: one per satisfying event, then the open one. */
function instances(ctx: EvalContext, rule: RecurringRule, clock: EpisodeClock, firstTrace: readonly TraceStep[], out: Outcome[]): void {
  const { ep, events, to } = clock;
  const evidence = rule.satisfiedBy.evidence;
  const onAnchorDay = rule.satisfiedBy.onAnchorDay !== false;
  let anchor: Anchor = ep.start;
  let lastMet = false;
  let cursor = clock.from;
  const lastLabel = `last ${evidence}`;
  for (;;) {
    const instance = out.length;
    const trace: TraceStep[] = !ctx.tracing ? UNTRACED : instance === 0 ? [...firstTrace] : firstTrace.filter((t) => t.code !== undefined);
    if (ctx.tracing) {
      const anchorDetail = lastMet ? `Last ${evidence}.` : `Clock starts at the ${anchor.label}.`;
      trace.push(anchor.eventId ? { step: 'anchor', detail: anchorDetail, date: isoDate(anchor.day), eventId: anchor.eventId } : { step: 'anchor', detail: anchorDetail, date: isoDate(anchor.day) });
    }
    const interval = !lastMet && rule.first ? rule.first : intervalAt(ctx, rule, clock, anchor.day, trace);
    const due = dueDay(ctx, anchor.day, interval, rule.onNonWorkingDay);
    if (ctx.tracing) trace.push({ step: 'due', detail: `${durationText(interval)} from the ${lastMet ? `last ${evidence}` : anchor.label}${due.note ? `; ${due.note}` : ''}.`, date: isoDate(due.day) });
    let next: PreparedEvent | undefined;
    while (cursor < to) {
      const e = events[cursor++]!;
      if (e.day > anchor.day || (!lastMet && onAnchorDay && e.day === anchor.day)) {
        next = e;
        break;
      }
    }
    if (next) {
      if (ctx.tracing) trace.push({ step: 'satisfied', detail: `${evidence} recorded.`, date: isoDate(next.day), eventId: next.id });
      const v = judge(due, next, ctx.asOf);
      out.push(outcome({ instance, due, anchor, anchorIsLastMet: lastMet, trace, status: v.status, satisfied: next, lateTo: v.lateTo }));
      anchor = { eventId: next.id, day: next.day, label: lastLabel, event: next };
      lastMet = true;
      continue;
    }
    if (ep.endDay !== undefined && ep.endDay <= due.day) return;
    if (ctx.tracing) trace.push({ step: 'none', detail: `No ${evidence} recorded after ${isoDate(anchor.day)} up to ${isoDate(ep.endDay !== undefined ? Math.min(ep.endDay, ctx.asOf) : ctx.asOf)}.` });
    const v = judge(due, undefined, ctx.asOf, ep.endDay);
    const endedOn = ep.endDay !== undefined ? { day: ep.endDay, label: ep.endLabel ?? 'end of the episode' } : undefined;
    out.push(outcome({ instance, due, anchor, anchorIsLastMet: lastMet, trace, status: v.status, lateTo: v.lateTo, endedOn }));
    return;
  }
}

/** The engine's side of the recurring kind. */
export const recurringKind: KindEvaluator<RecurringRule> = { evaluate: evaluateRecurring };
