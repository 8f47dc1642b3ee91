/**
 * `tryParseIsoDate` and `tryParseIsoDateTime` before issue 12, kept verbatim as the oracle of the
 * differential tests: the new readers must give the same answers on any string.
 */
import type { DayNumber, Instant } from '../../../src/calendar/day-number.js';

const DASH = 45;
const ZERO = 48;

/** Days from 1970-01-01 to the given proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** True for a Gregorian leap year. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month of a year. */
function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * Reads `YYYY-MM-DD` without allocating, or returns `undefined` when the text is not exactly an
 * ISO calendar date that exists (so `2023-02-29`, `2024-1-5` and date-times are all refused).
 */
export function tryParseIsoDate(value: unknown): DayNumber | undefined {
  if (typeof value !== 'string' || value.length !== 10) return undefined;
  if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return undefined;
  const y0 = digit(value, 0), y1 = digit(value, 1), y2 = digit(value, 2), y3 = digit(value, 3);
  const m0 = digit(value, 5), m1 = digit(value, 6), d0 = digit(value, 8), d1 = digit(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads an ISO date-time with an explicit offset (`2024-03-04T09:30:00+00:00` or `…Z`), or
 * returns `undefined`. A time without an offset is refused: it would depend on where it is read.
 */
export function tryParseIsoDateTime(value: unknown): Instant | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const localDay = tryParseIsoDate(m[1]);
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const seconds = m[4] === undefined ? 0 : Number(m[4]);
  if (localDay === undefined || hour > 23 || minute > 59 || seconds > 59) return undefined;
  let offsetMinutes = 0;
  const z = m[5]!;
  if (z !== 'Z') {
    const oh = Number(z.slice(1, 3));
    const om = Number(z.slice(4, 6));
    if (oh > 14 || om > 59) return undefined;
    offsetMinutes = (z[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return { epochMinutes: localDay * 1440 + hour * 60 + minute - offsetMinutes, seconds, offsetMinutes, localDay };
}

