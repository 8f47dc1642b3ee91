import { formatIsoDate, tryParseIsoDate } from '../calendar/day-number.js';
import { formatDuration } from '../calendar/index.js';
import type { Rule } from '../rules/rule-schema.js';
import { UnknownFact, type EvalContext } from './context.js';
import type { TraceStep } from './obligation.js';
import type { Outcome } from './outcome.js';
import { eventsMatching, inEpisode, resolveEpisodes, type ResolvedEpisode } from './triggers.js';

type CountRule = Extract<Rule, { kind: 'count-in-window' }>;

function windows(ctx: EvalContext, rule: CountRule, ep: ResolvedEpisode): { start: number; end: number }[] {
  const stop = Math.min(ep.endDay ?? Infinity, ctx.asOf);
  const out: { start: number; end: number }[] = [];
  if ('every' in rule.window) {
    for (let start = ep.start.day; start <= stop; ) {
      const next = ctx.add(start, rule.window.every);
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
  return out;
}

/**
 * Counts in each window of an episode (a year of a placement, a school term). A window still
 * running is `due` until its counts are reached; a window that closed short is `overdue`.
 */
export function evaluateCount(ctx: EvalContext, rule: CountRule): Outcome[] {
  const key = rule.episode.key;
  const out: Outcome[] = [];
  for (const ep of resolveEpisodes(ctx, rule.episode)) {
    const perRequirement = rule.requirements.map((r) => eventsMatching(ctx, r.events).filter((e) => inEpisode(ep, key, e)));
    for (const w of windows(ctx, rule, ep)) {
      const windowText = 'every' in rule.window ? `the ${formatDuration(rule.window.every)} from ${formatIsoDate(w.start)}` : `the term from ${formatIsoDate(w.start)}`;
      const trace: TraceStep[] = [{ step: 'window', detail: `Counting in ${windowText} to ${formatIsoDate(w.end)}.`, date: formatIsoDate(w.start) }];
      let metOn = -Infinity;
      let metBy = '';
      const short: string[] = [];
      rule.requirements.forEach((r, i) => {
        const inWindow = perRequirement[i]!.filter((e) => e.day >= w.start && e.day <= w.end);
        trace.push({ step: 'satisfied', detail: `${inWindow.length} of ${r.count} ${r.evidence} recorded.` });
        if (inWindow.length < r.count) short.push(`${inWindow.length} of ${r.count} ${r.evidence}`);
        else if (inWindow[r.count - 1]!.day > metOn) {
          metOn = inWindow[r.count - 1]!.day;
          metBy = inWindow[r.count - 1]!.id;
        }
      });
      const closed = w.end < ctx.asOf || (ep.endDay !== undefined && ep.endDay <= w.end);
      const due = { day: w.end };
      const anchor = { eventId: ep.start.eventId, day: w.start, label: `start of ${windowText}` };
      const base = { instance: out.length, due, anchor, trace };
      if (short.length === 0) out.push({ ...base, status: 'met', satisfied: { id: metBy, day: metOn } });
      else if (closed) out.push({ ...base, status: 'overdue', lateTo: { day: ctx.asOf }, shortfall: short.join(' and ') });
      else out.push({ ...base, status: 'due', shortfall: short.join(' and ') });
    }
  }
  return out;
}
