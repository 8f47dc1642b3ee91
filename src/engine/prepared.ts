import type { DayNumber } from '../calendar/day-number.js';
import type { Variation } from '../schemas/variation.js';

/** An event as the engine reads it: dates as day numbers, in date order. */
export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  /** The type's number (see `typeNumber`). */
  readonly typeNumber: number;
  readonly day: DayNumber;
  /** Epoch minutes when the event carries a time (`at`). */
  readonly minute: number | undefined;
  /** Offset of `at`, minutes east of UTC, to write hour-based due times back in it. */
  readonly offset: number;
  readonly raw: Readonly<Record<string, unknown>>;
}

/** A snapshot made ready to evaluate as of a date: events after `asOf` are left out. */
export interface PreparedSubject {
  readonly subject: 'child' | 'worker';
  readonly id: string;
  readonly team: string | undefined;
  readonly worker: string | undefined;
  /** Facts rules may condition on: the child object, or the worker's role and dates. */
  readonly facts: Readonly<Record<string, unknown>>;
  readonly birthDay: DayNumber | undefined;
  readonly asOf: DayNumber;
  readonly events: readonly PreparedEvent[];
  /** The events of each type, in date order, at the type's number (see `typeNumber`); undefined: none recorded. */
  readonly byTypeNumber: readonly (readonly PreparedEvent[] | undefined)[];
  readonly byId: ReadonlyMap<string, PreparedEvent>;
  readonly variations: readonly Variation[];
  readonly schoolTerms: { terms: { start: string; end: string }[]; closures?: string[] | undefined } | undefined;
}
