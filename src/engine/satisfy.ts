import { tryParseIsoDate } from '../calendar/day-number.js';
import type { Satisfier } from '../rules/rule-schema.js';
import type { EvalContext } from './context.js';
import type { Anchor } from './outcome.js';
import type { PreparedEvent } from './prepared.js';
import { firstOnOrAfter } from './first-on-or-after.js';
import { eventsMatching } from './triggers.js';

/** A satisfying event as the engine compares it. */
export interface Satisfaction {
  readonly id: string;
  readonly day: number;
  readonly minute?: number;
}

/**
 * Whether an event is tied to the anchor by the rule's `link` field. A field ending in
 * `EventId` (`forEventId`, `disputeEventId`) holds the anchor's own id; any other is an id the
 * two share (`episodeId`, `placementId`). An event naming another anchor never counts; one that
 * names none (a visit that records no missing episode) counts by its date alone.
 */
function linked(link: string | undefined, anchor: Anchor, e: PreparedEvent): boolean {
  if (link === undefined) return true;
  const value = e.raw[link];
  if (value === undefined) return true;
  if (link.endsWith('EventId')) return value === anchor.eventId;
  const want = anchor.event?.raw[link];
  return want === undefined || value === want;
}

/** Whether an event names its anchor through the link (an unlinked rule's events all do). */
function named(link: string | undefined, e: PreparedEvent): boolean {
  return link === undefined || e.raw[link] !== undefined;
}

/**
 * The `nth` candidate (1 for the first) on or after day `from` that could meet a duty: the
 * anchor's own date field (`anchorField`, e.g. when a significant event was recorded) or a
 * matching event tied to the anchor by `link`, in date order. Only what is known by the as-of
 * date counts. Before `namedBefore`, only events that name their anchor through the link count
 * (evidence from before the anchor is otherwise no sign it was for this one).
 */
export function nthCandidate(ctx: EvalContext, sat: Satisfier, anchor: Anchor, from: number, nth = 1, namedBefore = -Infinity): Satisfaction | undefined {
  if (sat.anchorField !== undefined) {
    const v = anchor.event?.raw[sat.anchorField];
    const day = typeof v === 'string' ? tryParseIsoDate(v) : undefined;
    return nth === 1 && day !== undefined && day >= from && day <= ctx.asOf && anchor.eventId !== null ? { id: anchor.eventId, day } : undefined;
  }
  let seen = 0;
  const events = eventsMatching(ctx, sat.events ?? []);
  for (let i = firstOnOrAfter(events, from); i < events.length; i++) {
    const e = events[i]!;
    if (!linked(sat.link, anchor, e) || (e.day < namedBefore && !named(sat.link, e)) || ++seen < nth) continue;
    // The event itself: it has the id, day and minute compared, and copying it costs.
    return e;
  }
  return undefined;
}
