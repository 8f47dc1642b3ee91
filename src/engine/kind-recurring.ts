import { formatIsoDate } from '../calendar/day-number.js';
import { formatDuration } from '../calendar/index.js';
import type { Duration } from '../calendar/duration.js';
import type { Rule } from '../rules/rule-schema.js';
import type { EvalContext } from './context.js';
import type { TraceStep } from './obligation.js';
import { judge, type Anchor, type Outcome } from './outcome.js';
import type { PreparedEvent } from './prepared.js';
import { boundaryDay, eventsMatching, inEpisode, resolveEpisodes, type ResolvedEpisode } from './triggers.js';
import { intervalVariations, type AcceptedInterval } from './variations.js';

type RecurringRule = Extract<Rule, { kind: 'recurring' }>;

function startMatches(ep: ResolvedEpisode, when: Record<string, unknown> | undefined): boolean {
  if (!when) return true;
  const raw = ep.start.event?.raw;
  if (!raw) return false;
  return Object.entries(when).every(([k, v]) => (Array.isArray(v) ? v.includes(raw[k]) : raw[k] === v));
}

/**
 * Instances of a recurring duty: each is due one interval after the last time it was met (the
 * first one after the episode starts). The interval is the one in force on the day the clock
 * restarted: the phase reached by then, or an accepted variation. This is the reading that
 * protects the child: a phase that lengthens the interval never stretches a clock already running.
 */
export function evaluateRecurring(ctx: EvalContext, rule: RecurringRule): Outcome[] {
  const varTrace: TraceStep[] = [];
  const variations = intervalVariations(ctx, rule, varTrace);
  const key = rule.episode.key;
  const allEvents = eventsMatching(ctx, rule.satisfiedBy.events ?? []);
  const onAnchorDay = rule.satisfiedBy.onAnchorDay !== false;
  const out: Outcome[] = [];
  for (const ep of resolveEpisodes(ctx, rule.episode)) {
    const phaseStarts = rule.phases.map((p, i) =>
      !startMatches(ep, p.whenStart) ? undefined : i === 0 || !p.from ? ep.start.day : boundaryDay(ctx, ep, key, p.from),
    );
    const intervalAt = (day: number, trace: TraceStep[]): Duration => {
      const v: AcceptedInterval | undefined = variations.filter((x) => x.from <= day && day <= x.until).at(-1);
      if (v) {
        trace.push({ step: 'variation', detail: `Interval of ${formatDuration(v.interval)} from variation ${v.id}.` });
        return v.interval;
      }
      let chosen = 0;
      phaseStarts.forEach((s, i) => {
        if (s !== undefined && s <= day) chosen = i;
      });
      const phase = rule.phases[chosen]!;
      if (rule.phases.length > 1) trace.push({ step: 'phase', detail: `${phase.label ?? `Phase ${chosen + 1}`}: every ${formatDuration(phase.interval)}.` });
      return phase.interval;
    };
    const events = allEvents.filter((e) => inEpisode(ep, key, e));
    let anchor: Anchor = ep.start;
    let lastMet = false;
    let cursorIndex = 0;
    for (;;) {
      const instance = out.length;
      const trace: TraceStep[] = instance === 0 ? [...varTrace] : [];
      trace.push({ step: 'anchor', detail: lastMet ? `Last ${rule.satisfiedBy.evidence}.` : `Clock starts at the ${anchor.label}.`, date: formatIsoDate(anchor.day), ...(anchor.eventId ? { eventId: anchor.eventId } : {}) });
      const interval = !lastMet && rule.first ? rule.first : intervalAt(anchor.day, trace);
      const due = { day: ctx.add(anchor.day, interval) };
      trace.push({ step: 'due', detail: `${formatDuration(interval)} from the ${lastMet ? `last ${rule.satisfiedBy.evidence}` : anchor.label}.`, date: formatIsoDate(due.day) });
      let next: PreparedEvent | undefined;
      while (cursorIndex < events.length) {
        const e = events[cursorIndex]!;
        cursorIndex++;
        if (e.day > anchor.day || (!lastMet && onAnchorDay && e.day === anchor.day)) {
          next = e;
          break;
        }
      }
      const base = { instance, due, anchor, anchorIsLastMet: lastMet, trace };
      if (next) {
        trace.push({ step: 'satisfied', detail: `${rule.satisfiedBy.evidence} recorded.`, date: formatIsoDate(next.day), eventId: next.id });
        const v = judge(due, next, ctx.asOf);
        out.push({ ...base, status: v.status, satisfied: { id: next.id, day: next.day }, ...(v.lateTo ? { lateTo: v.lateTo } : {}) });
        anchor = { eventId: next.id, day: next.day, label: `last ${rule.satisfiedBy.evidence}`, event: next };
        lastMet = true;
        continue;
      }
      if (ep.endDay !== undefined && ep.endDay <= due.day) break;
      trace.push({ step: 'none', detail: `No ${rule.satisfiedBy.evidence} recorded after ${formatIsoDate(anchor.day)} up to ${formatIsoDate(ep.endDay !== undefined ? Math.min(ep.endDay, ctx.asOf) : ctx.asOf)}.` });
      const v = judge(due, undefined, ctx.asOf, ep.endDay);
      out.push({
        ...base,
        status: v.status,
        ...(v.lateTo ? { lateTo: v.lateTo } : {}),
        ...(ep.endDay !== undefined ? { endedOn: { day: ep.endDay, label: ep.endLabel ?? 'end of the episode' } } : {}),
      });
      break;
    }
  }
  return out;
}
