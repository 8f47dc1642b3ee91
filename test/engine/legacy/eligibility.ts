import { tryParseIsoDate } from '../../../src/calendar/day-number.js';
import type { Duration } from '../../../src/calendar/duration.js';
import type { Eligibility } from '../../../src/rules/rule-schema.js';
import type { EvalContext } from './context.js';
import { UnknownFact } from './context.js';
import { durationText, eligibleWords } from '../../../src/rules/vocabulary.js';
import type { Anchor } from './outcome.js';
import { resolveEpisodes } from './triggers.js';

/** An age trigger that waits for eligibility. */
export interface EligibilityTrigger {
  readonly age: Duration;
  readonly eligibility: Eligibility;
}

/** Why an eligibility trigger gave no anchor. */
export function notEligibleReason(t: EligibilityTrigger): string {
  return `the child did not become ${eligibleWords(t.eligibility)} between the age of ${durationText(t.age)} and the age of ${durationText(t.eligibility.untilAge)}`;
}

/**
 * The day the child became eligible, at or after the trigger's age: the first day, before
 * `untilAge`, that the child is inside a period and the days inside periods since `sinceAge` add
 * up to the total (a period that began before `sinceAge` counts from that age, so a child in care
 * since infancy is eligible at 16). A period still open runs on, so a child in care now has a
 * future day, returned only with `includeFuture`.
 *
 * Earlier periods the snapshot does not record can only make the child eligible sooner. Unless
 * the child was eligible on the birthday itself (nothing can be earlier) or the child fact named
 * by `historyFrom` says periods are recorded from `sinceAge` on, an answer that depends on them
 * is `unknown`, naming that fact. Never looked after at that age: no anchor, whatever the history.
 */
export function eligibilityAnchors(ctx: EvalContext, birth: number, t: EligibilityTrigger, includeFuture: boolean): Anchor[] {
  const e = t.eligibility;
  const from = ctx.add(birth, t.age);
  const since = ctx.add(birth, e.sinceAge);
  const until = ctx.add(birth, e.untilAge);
  const need = 7 * e.total.weeks;
  let total = 0;
  let inPeriodAtAge = false;
  let day: number | undefined;
  for (const p of resolveEpisodes(ctx, e.periods)) {
    const start = p.start.day;
    const end = p.endDay ?? Infinity;
    if (end >= from && start < until) inPeriodAtAge = true;
    if (end <= since) continue;
    const counted = Math.max(start, since);
    const candidate = Math.max(from, start, counted + (need - total));
    if (candidate <= end && candidate < until) {
      day = candidate;
      break;
    }
    if (end === Infinity) break;
    total += end - counted;
  }
  if (!inPeriodAtAge) return [];
  if (day !== from) {
    const recordedFrom = e.historyFrom === undefined ? undefined : tryParseIsoDate(ctx.subject.facts[e.historyFrom]);
    if (recordedFrom === undefined || recordedFrom > since) {
      const field = e.historyFrom === undefined ? 'the history' : `child.${e.historyFrom}`;
      throw new UnknownFact(`the care history since the age of ${durationText(e.sinceAge)} is not known to be complete (${field}): an unrecorded period of care could make the child an eligible child sooner`);
    }
  }
  if (day === undefined || (day > ctx.asOf && !includeFuture)) return [];
  const label = day === from ? `age of ${durationText(t.age)}` : `day the child became ${eligibleWords(t.eligibility)}`;
  return [{ eventId: null, day, label }];
}
