import type { DayNumber } from '../calendar/day-number.js';
import type { Role } from '../schemas/primitives.js';
import type { CaseBuilder, EventFields } from './case-builder.js';

/** Optional details of a generated visit. */
export interface VisitOptions {
  readonly placementId?: string;
  readonly by?: Role;
  readonly unannounced?: boolean;
  /** The looked-after pack was given (the first visit after a child becomes looked after). */
  readonly lookedAfterPack?: boolean;
  /** A time of day, for visits measured in hours. */
  readonly minute?: number;
}

/**
 * Adds a visit: mostly in person and seen alone, now and then by video or phone, and now and
 * then an attempt where the child was not seen (which never counts).
 */
export function addVisit(b: CaseBuilder, day: DayNumber | undefined, options: VisitOptions = {}): string | undefined {
  if (day === undefined) return undefined;
  const rng = b.rng;
  const fields: EventFields<'visit'> = {
    mode: rng.weighted([['in-person', 90], ['video', 7], ['phone', 3]] as const),
    seenAlone: rng.chance(0.65),
    by: options.by ?? 'social-worker',
    ...(options.placementId === undefined ? {} : { placementId: options.placementId }),
    ...(options.unannounced || rng.chance(0.08) ? { unannounced: true } : {}),
    ...(rng.chance(0.3) ? { sleepingArrangementsSeen: true } : {}),
    ...(options.lookedAfterPack ? { lookedAfterPackProvided: true } : {}),
    ...(rng.chance(0.03) ? { childSeen: false } : {}),
  };
  if (options.minute !== undefined) return b.addAt('visit', { day, minute: options.minute }, fields);
  return b.add('visit', day, fields);
}

/** Adds a visit on each day of a series. */
export function addVisits(b: CaseBuilder, days: readonly DayNumber[], options: VisitOptions = {}): void {
  for (const d of days) addVisit(b, d, options);
}
