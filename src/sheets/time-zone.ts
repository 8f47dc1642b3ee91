import { daysFromCivil, type DayNumber } from '../calendar/day-number.js';

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/**
 * Calendar dates of instants in one IANA time zone, and the instants of its midnights.
 *
 * Google Sheets hands a date cell to a custom function as a `Date` at midnight in the
 * spreadsheet's time zone, so the cell's date is the calendar date of that instant *in that
 * zone*, whatever zone the code runs in. Reading it with `getDate()` would use the process
 * zone and be a day out for half the world.
 */
export interface ZoneClock {
  /** The zone, e.g. `Europe/London`. */
  readonly timeZone: string;
  /** The calendar date, in the zone, of an instant given in milliseconds since 1970 UTC. */
  dayOf(epochMs: number): DayNumber;
  /** The first instant of a calendar day in the zone (its midnight, or later when a clock change skips midnight). */
  startOfDay(day: DayNumber): number;
}

function readPart(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): number {
  const part = parts.find((p) => p.type === type);
  return part === undefined ? NaN : Number(part.value);
}

/**
 * A clock for a time zone, built on `Intl.DateTimeFormat` (so it needs no time zone data of
 * its own and never reads the process zone).
 *
 * Formatting is slow next to the rest of a recalculation, so the zone's offset is read once per
 * UTC day and kept: where it is the same at both ends of a UTC day it holds all day (zones
 * change offset at most once a day), and only on the few days a clock changes is the exact
 * instant formatted.
 * @throws RangeError when the runtime does not know the zone.
 */
export function zoneClock(timeZone: string): ZoneClock {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  /** The zone's offset at an instant: its wall-clock reading, taken as UTC, less the instant. */
  const exactOffset = (epochMs: number): number => {
    const whole = Math.floor(epochMs / 1000) * 1000;
    const parts = format.formatToParts(whole);
    const time = readPart(parts, 'hour') * MS_PER_HOUR + readPart(parts, 'minute') * 60_000 + readPart(parts, 'second') * 1000;
    return daysFromCivil(readPart(parts, 'year'), readPart(parts, 'month'), readPart(parts, 'day')) * MS_PER_DAY + time - whole;
  };
  const atUtcMidnight = new Map<number, number>();
  const offsetAtUtcMidnight = (utcDay: number): number => {
    let offset = atUtcMidnight.get(utcDay);
    if (offset === undefined) {
      offset = exactOffset(utcDay * MS_PER_DAY);
      atUtcMidnight.set(utcDay, offset);
    }
    return offset;
  };
  const offsetAt = (epochMs: number): number => {
    const utcDay = Math.floor(epochMs / MS_PER_DAY);
    const offset = offsetAtUtcMidnight(utcDay);
    return offset === offsetAtUtcMidnight(utcDay + 1) ? offset : exactOffset(epochMs);
  };
  const dayOf = (epochMs: number): DayNumber => Math.floor((Math.floor(epochMs / 1000) * 1000 + offsetAt(epochMs)) / MS_PER_DAY);
  return {
    timeZone,
    dayOf,
    startOfDay(day) {
      const localMidnight = day * MS_PER_DAY;
      // Two passes settle the offset on either side of a clock change.
      let start = localMidnight - offsetAt(localMidnight);
      start = localMidnight - offsetAt(start);
      // Where a clock change skips midnight, the day starts later (at 01:00, or 00:30).
      while (dayOf(start) < day) start += MS_PER_HOUR / 4;
      while (dayOf(start - MS_PER_HOUR / 4) === day) start -= MS_PER_HOUR / 4;
      return start;
    },
  };
}
