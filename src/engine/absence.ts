import type { Episode } from '../rules/rule-schema.js';
import type { EvalContext } from './context.js';
import { durationText } from '../rules/vocabulary.js';
import type { Anchor } from './outcome.js';
import { eventsOf, sameKey } from './triggers.js';

type Absence = NonNullable<Episode['ceasesAfterAbsence']>;

/**
 * The day an absence ends an episode that started on `startDay` (and is otherwise open until
 * `endDay`), or undefined. An absence starts with an `away` event in the episode and lasts until
 * the next `back` event; one that lasts longer than `longerThan` ends the episode on the first day
 * past it (27 days allowed: the 28th day away), and only once that day has come by the as-of
 * date. A return on that day or later is after the end, so where returns start episodes it
 * starts a new one.
 */
export function ceasedByAbsence(ctx: EvalContext, absence: Absence, startDay: number, endDay: number | undefined, key: string | undefined, keyValue: unknown): Anchor | undefined {
  const backs = eventsOf(ctx, absence.back);
  for (const away of eventsOf(ctx, absence.away)) {
    if (away.day < startDay || !sameKey(key, keyValue, away)) continue;
    if (endDay !== undefined && away.day >= endDay) return undefined;
    const ceaseDay = ctx.add(away.day, absence.longerThan) + 1;
    // Absences are in date order, so no later one can end the episode sooner.
    if (ceaseDay > ctx.asOf || (endDay !== undefined && ceaseDay >= endDay)) return undefined;
    const back = backs.find((b) => b.day >= away.day && sameKey(key, keyValue, b));
    if (back === undefined || back.day >= ceaseDay) {
      return { eventId: null, day: ceaseDay, label: `absence of more than ${durationText(absence.longerThan)}, which ended the arrangement` };
    }
  }
  return undefined;
}
