import { TimescaleError } from '../errors.js';

/**
 * A day number counts days since 1970-01-01 (day 0). All date arithmetic inside the library is
 * done on these integers, never on local-time `Date` objects, so results cannot depend on `TZ`.
 */
export type DayNumber = number;

const DASH = 45;
const ZERO = 48;

/** Days from 1970-01-01 to the given proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number, as `[year, month, day]` (Hinnant's civil_from_days). */
export function civilFromDays(dayNumber: DayNumber): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Days before the 1st of each month (index 1 to 12) in a common year, and each month's length. */
const DAYS_BEFORE = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MONTH_LENGTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a Gregorian leap year. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : MONTH_LENGTH[month]!;
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * Years are counted 400 years on (146,097 days, a whole Gregorian cycle) so that every count is
 * positive and integer division needs no floor; this is the count of days before 1970-01-01.
 */
const EPOCH_SHIFTED = 1969 + 400;
const EPOCH_DAYS = EPOCH_SHIFTED * 365 + (EPOCH_SHIFTED >> 2) - ((EPOCH_SHIFTED / 100) | 0) + ((EPOCH_SHIFTED / 400) | 0);

/** The day number of 1 January of a year (0 to 9999): days before it in whole 400-year cycles. */
function yearStart(year: number): DayNumber {
  const before = year + 399;
  return before * 365 + (before >> 2) - ((before / 100) | 0) + ((before / 400) | 0) - EPOCH_DAYS;
}

const FIRST_TABLED_YEAR = 1900;
/**
 * 1 January of each year from 1900 to 2199, where nearly every date of a snapshot falls: one
 * table read instead of the arithmetic of {@link yearStart} for each of them.
 */
const YEAR_STARTS = /* @__PURE__ */ Int32Array.from({ length: 300 }, (_, i) => yearStart(FIRST_TABLED_YEAR + i));

/**
 * The year, month and day of the `YYYY-MM-DD` that `text` starts with, packed into one integer
 * (see {@link isoParts}), or -1 when its first ten characters are not of that form. Character
 * codes only: every date of every snapshot is read through here.
 */
function leadingIsoParts(text: string): number {
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return -1;
  const y0 = text.charCodeAt(0) - ZERO;
  const y1 = text.charCodeAt(1) - ZERO;
  const y2 = text.charCodeAt(2) - ZERO;
  const y3 = text.charCodeAt(3) - ZERO;
  const m0 = text.charCodeAt(5) - ZERO;
  const m1 = text.charCodeAt(6) - ZERO;
  const d0 = text.charCodeAt(8) - ZERO;
  const d1 = text.charCodeAt(9) - ZERO;
  // `>>> 0` turns the negative values of characters below '0' into large ones: one test per digit.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return -1;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return -1;
  return ((y0 * 1000 + y1 * 100 + y2 * 10 + y3) << 14) | ((m0 * 10 + m1) << 7) | (d0 * 10 + d1);
}

/**
 * The year, month and day written in `YYYY-MM-DD` text, packed into one integer, or -1 when the
 * text is not ten characters of that form (whether the date exists is not checked). Packed by
 * bits (year × 2¹⁴ + month × 2⁷ + day), so that {@link partsYear}, {@link partsMonth} and
 * {@link partsDay} unpack them by shifts: dividing, even by constants, cost a quarter of a
 * date's reading.
 */
export function isoParts(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10) return -1;
  return leadingIsoParts(value);
}

/** The year of parts packed by {@link isoParts}. */
export function partsYear(parts: number): number {
  return parts >> 14;
}

/** The month (as written: 0 to 99) of parts packed by {@link isoParts}. */
export function partsMonth(parts: number): number {
  return (parts >> 7) & 127;
}

/** The day of the month (as written: 0 to 99) of parts packed by {@link isoParts}. */
export function partsDay(parts: number): number {
  return parts & 127;
}

/** The day number of the date packed in `parts`, or `undefined` when that date does not exist. */
function dayOfParts(parts: number): DayNumber | undefined {
  const year = partsYear(parts);
  const month = partsMonth(parts);
  const day = partsDay(parts);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = isLeapYear(year) ? 1 : 0;
  if (day > MONTH_LENGTH[month]! + (month === 2 ? leap : 0)) return undefined;
  const index = year - FIRST_TABLED_YEAR;
  const start = index >= 0 && index < YEAR_STARTS.length ? YEAR_STARTS[index]! : yearStart(year);
  return start + DAYS_BEFORE[month]! + (month > 2 ? leap : 0) + day - 1;
}

/**
 * Reads `YYYY-MM-DD` without allocating, or returns `undefined` when the text is not exactly an
 * ISO calendar date that exists (so `2023-02-29`, `2024-1-5` and date-times are all refused).
 * Every date of every snapshot is read here, so it is character codes, two small tables and
 * integer arithmetic, with none of the floors of {@link daysFromCivil}.
 */
export function tryParseIsoDate(value: unknown): DayNumber | undefined {
  const parts = isoParts(value);
  return parts < 0 ? undefined : dayOfParts(parts);
}

function describe(value: unknown): string {
  // Describe the kind of input only: the value itself may be personal data.
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `a string of ${value.length} characters`;
  return `a ${typeof value}`;
}

/**
 * Reads an ISO calendar date (`YYYY-MM-DD`) into a day number.
 * @throws TimescaleError `invalid-date` for anything else, with a message saying what is accepted.
 */
export function parseIsoDate(value: unknown, path: readonly (string | number)[] = []): DayNumber {
  const n = tryParseIsoDate(value);
  if (n === undefined) {
    throw new TimescaleError(
      'invalid-date',
      `Expected a calendar date written as YYYY-MM-DD (for example 2024-01-05) that exists, but got ${describe(value)}.`,
      path,
    );
  }
  return n;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Writes a day number as `YYYY-MM-DD`. */
export function formatIsoDate(dayNumber: DayNumber): string {
  const [y, m, d] = civilFromDays(dayNumber);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

const T = 84;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const Z = 90;

/** The two digits at `at` as a number, or -1 when either is not a digit. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - ZERO;
  const b = text.charCodeAt(at + 1) - ZERO;
  return a >>> 0 > 9 || b >>> 0 > 9 ? -1 : a * 10 + b;
}

/** An instant read from an ISO date-time with an offset. */
export interface Instant {
  /** Minutes since 1970-01-01T00:00Z (whole seconds are kept in `seconds`). */
  readonly epochMinutes: number;
  /** Seconds past the minute, 0-59. */
  readonly seconds: number;
  /** The offset the time was written in, in minutes east of UTC. */
  readonly offsetMinutes: number;
  /** The local calendar date written in the value. */
  readonly localDay: DayNumber;
}

/**
 * Reads an ISO date-time with an explicit offset (`2024-03-04T09:30:00+00:00` or `…Z`), or
 * returns `undefined`. A time without an offset is refused: it would depend on where it is read.
 */
export function tryParseIsoDateTime(value: unknown): Instant | undefined {
  // `YYYY-MM-DDTHH:MM[:SS[.fraction of 1 to 9 digits]](Z|±HH:MM)`, read by character codes (a
  // regular expression and its groups cost more than the rest of preparing the event).
  if (typeof value !== 'string' || value.length < 17) return undefined;
  const parts = leadingIsoParts(value);
  const localDay = parts < 0 ? undefined : dayOfParts(parts);
  if (localDay === undefined || value.charCodeAt(10) !== T || value.charCodeAt(13) !== COLON) return undefined;
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  let seconds = 0;
  let at = 16;
  if (value.charCodeAt(at) === COLON) {
    seconds = twoDigits(value, 17);
    if (seconds < 0) return undefined;
    at = 19;
    if (value.charCodeAt(at) === DOT) {
      let end = at + 1;
      while (end < value.length && (value.charCodeAt(end) - ZERO) >>> 0 <= 9) end++;
      if (end === at + 1 || end > at + 10) return undefined;
      at = end;
    }
  }
  if (hour < 0 || minute < 0 || hour > 23 || minute > 59 || seconds > 59) return undefined;
  let offsetMinutes = 0;
  const sign = value.charCodeAt(at);
  if (sign === Z) {
    if (value.length !== at + 1) return undefined;
  } else {
    if ((sign !== PLUS && sign !== DASH) || value.length !== at + 6 || value.charCodeAt(at + 3) !== COLON) return undefined;
    const oh = twoDigits(value, at + 1);
    const om = twoDigits(value, at + 4);
    if (oh < 0 || om < 0 || oh > 14 || om > 59) return undefined;
    offsetMinutes = (sign === DASH ? -1 : 1) * (oh * 60 + om);
  }
  return { epochMinutes: localDay * 1440 + hour * 60 + minute - offsetMinutes, seconds, offsetMinutes, localDay };
}

/**
 * Reads an ISO date-time with an offset.
 * @throws TimescaleError `invalid-date-time` otherwise.
 */
export function parseIsoDateTime(value: unknown, path: readonly (string | number)[] = []): Instant {
  const t = tryParseIsoDateTime(value);
  if (!t) {
    throw new TimescaleError(
      'invalid-date-time',
      `Expected a date-time with an offset written as YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM) (for example 2024-03-04T09:30:00+00:00), but got ${describe(value)}.`,
      path,
    );
  }
  return t;
}

/** Writes an instant as an ISO date-time in the given offset (minutes east of UTC). */
export function formatIsoDateTime(epochMinutes: number, offsetMinutes: number, seconds = 0): string {
  const local = epochMinutes + offsetMinutes;
  const day = Math.floor(local / 1440);
  const mins = local - day * 1440;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${formatIsoDate(day)}T${pad2(Math.floor(mins / 60))}:${pad2(mins % 60)}:${pad2(seconds)}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
