import { tryParseIsoDate } from '../calendar/day-number.js';
import type { Satisfier } from '../rules/rule-schema.js';
import type { EvalContext } from './context.js';
import type { Anchor } from './outcome.js';
import type { PreparedEvent } from './prepared.js';
import { eventsMatching } from './triggers.js';

/** A satisfying event as the engine compares it. */
export interface Satisfaction {
  readonly id: string;
  readonly day: number;
  readonly minute?: number;
}

function linked(link: string | undefined, anchor: Anchor, e: PreparedEvent): boolean {
  if (link === undefined) return true;
  if (link === 'forEventId') return e.raw.forEventId === anchor.eventId;
  const want = anchor.event?.raw[link];
  return want === undefined || e.raw[link] === want;
}

/**
 * Every candidate that could meet a duty, in date order: the anchor's own date field
 * (`anchorField`, e.g. when a significant event was recorded) or matching events tied to the
 * anchor by `link`. Only what is known by the as-of date counts.
 */
export function candidates(ctx: EvalContext, sat: Satisfier, anchor: Anchor): Satisfaction[] {
  if (sat.anchorField !== undefined) {
    const v = anchor.event?.raw[sat.anchorField];
    const day = typeof v === 'string' ? tryParseIsoDate(v) : undefined;
    return day !== undefined && day <= ctx.asOf && anchor.eventId !== null ? [{ id: anchor.eventId, day }] : [];
  }
  return eventsMatching(ctx, sat.events ?? [])
    .filter((e) => linked(sat.link, anchor, e))
    .map((e) => (e.minute === undefined ? { id: e.id, day: e.day } : { id: e.id, day: e.day, minute: e.minute }));
}
