import { tryParseIsoDate } from '../calendar/day-number.js';
import type { Duration } from '../calendar/duration.js';
import type { Rule } from '../rules/rule-schema.js';
import { UnknownFact, type EvalContext } from './context.js';
import type { KindEvaluator } from './kind.js';
import { durationText } from '../rules/vocabulary.js';
import { isoDate } from './iso-text.js';
import type { TraceStep } from './obligation.js';
import { dueOn, outcome, pointOf, UNTRACED, type Outcome } from './outcome.js';
import { episodesFor } from './conditions.js';
import { eventsMatching, inEpisode, type ResolvedEpisode } from './triggers.js';

type CountRule = Extract<Rule, { kind: 'count-in-window' }>;


function windows(ctx: EvalContext, rule: CountRule, ep: ResolvedEpisode): { start: number; end: number }[] {
  const stop = Math.min(ep.endDay ?? Infinity, ctx.asOf);
  const out: { start: number; end: number }[] = [];
  if ('every' in rule.window) {
    // The k-th window starts k periods after the episode start, not one period after the last
    // window, so that months clamped to a month end do not drift (31 January, 29 February,
    // 31 March).
    const every = rule.window.every;
    for (let k = 0, start = ep.start.day; start <= stop; k++) {
      const next = ctx.add(ep.start.day, every, k + 1);
      out.push({ start, end: next - 1 });
      start = next;
    }
    return out;
  }
  const terms = ctx.subject.schoolTerms?.terms;
  if (!terms) throw new UnknownFact("the child's school term dates are not in the snapshot (schoolTerms), so terms cannot be counted");
  for (const t of terms) {
    const start = tryParseIsoDate(t.start)!;
    const end = tryParseIsoDate(t.end)!;
    if (end >= ep.start.day && start <= stop) out.push({ start: Math.max(start, ep.start.day), end });
  }
  // In date order whatever the order the terms were given in.
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Counts in each window of an episode (a year of a placement, a school term). A window still
 * running is `due` until its counts are reached; a window that closed short is `overdue`.
 */
function evaluateCount(ctx: EvalContext, rule: CountRule): Outcome[] {
  const key = rule.episode.key;
  const out: Outcome[] = [];
  for (const ep of episodesFor(ctx, rule, rule.episode)) {
    const perRequirement = rule.requirements.map((r) => eventsMatching(ctx, r.events).filter((e) => inEpisode(ep, key, e)));
    for (const w of windows(ctx, rule, ep)) {
      const windowText = 'every' in rule.window ? `the ${durationText(rule.window.every)} from ${isoDate(w.start)}` : `the term from ${isoDate(w.start)}`;
      const trace: TraceStep[] = ctx.tracing ? [{ step: 'window', detail: `Counting in ${windowText} to ${isoDate(w.end)}.`, date: isoDate(w.start) }] : UNTRACED;
      let metOn = -Infinity;
      let metBy = '';
      const short: string[] = [];
      rule.requirements.forEach((r, i) => {
        const inWindow = perRequirement[i]!.filter((e) => e.day >= w.start && e.day <= w.end);
        if (ctx.tracing) trace.push({ step: 'satisfied', detail: `${inWindow.length} of ${r.count} ${r.evidence} recorded.` });
        if (inWindow.length < r.count) short.push(`${inWindow.length} of ${r.count} ${r.evidence}`);
        else if (inWindow[r.count - 1]!.day > metOn) {
          metOn = inWindow[r.count - 1]!.day;
          metBy = inWindow[r.count - 1]!.id;
        }
      });
      const due = dueOn(w.end);
      const anchor = { eventId: ep.start.eventId, day: w.start, label: `start of ${windowText}` };
      const base = { instance: out.length, due, anchor, trace };
      // A window the episode did not last through cannot be held to a count set for the whole
      // window: judging it would be a false breach.
      const cutShort = ep.endDay !== undefined && ep.endDay < w.end;
      if (short.length === 0) out.push(outcome({ ...base, status: 'met', satisfied: { id: metBy, day: metOn } }));
      else if (cutShort) {
        const reason = `the ${ep.endLabel ?? 'end of the episode'} on ${isoDate(ep.endDay!)} came before the window closed, so its count is not judged`;
        if (ctx.tracing) trace.push({ step: 'note', detail: `The ${ep.endLabel ?? 'end of the episode'} came before the window closed.`, date: isoDate(ep.endDay!) });
        out.push(outcome({ ...base, status: 'not-applicable', reason, shortfall: short.join(' and ') }));
      } else if (w.end < ctx.asOf) out.push(outcome({ ...base, status: 'overdue', lateTo: pointOf(ctx.asOf), shortfall: short.join(' and ') }));
      else out.push(outcome({ ...base, status: 'due', shortfall: short.join(' and ') }));
    }
  }
  return out;
}

/** The engine's side of the count-in-window kind. */
export const countKind: KindEvaluator<CountRule> = { evaluate: evaluateCount };
