import { tryParseIsoDate, type DayNumber } from '../calendar/day-number.js';
import type { ZoneClock } from './time-zone.js';

/** How a spreadsheet shows a cell with no answer: `#VALUE!` for a cell that cannot be read, `#N/A` for a look-up that finds nothing. */
export type FailureKind = 'value' | 'not-available';

/**
 * A cell that cannot be read, with a message for the person who filled it in. The message
 * names what is wrong and what is accepted, never the cell's value: sheets hold children's
 * dates.
 */
export class CellError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind = 'value',
  ) {
    super(message);
    this.name = 'CellError';
  }
}

/**
 * A cell's answer when there is none: each host shows it its own way (Excel as an error value
 * that `ISERROR` sees, Google Sheets as `#ERROR!`), so the functions return this, not text.
 */
export class CellFailure {
  constructor(
    readonly kind: FailureKind,
    readonly message: string,
  ) {}
}

/** True for a {@link CellFailure}, including one made by another copy of the bundle. */
export function isFailure(value: unknown): value is CellFailure {
  return value instanceof CellFailure;
}

const LOOK_UPS: ReadonlySet<string> = new Set(['unknown-rule', 'unknown-rule-set']);

/** The failure a cell shows for an error, so that one bad row never breaks the rest of a range. */
export function failureOf(error: unknown): CellFailure {
  if (error instanceof CellError) return new CellFailure(error.kind, error.message);
  if (error instanceof Error && (error.name === 'TimescaleError' || error.name === 'SnapshotError')) {
    const code = (error as Error & { code?: string }).code ?? '';
    return new CellFailure(LOOK_UPS.has(code) ? 'not-available' : 'value', error.message);
  }
  // An unexpected failure: say so without echoing anything from the sheet.
  return new CellFailure('value', 'This cell could not be worked out (an unexpected problem in practice-timescales; please report it).');
}

/** Excel's serial for 1970-01-01 in the 1900 date system (Google Sheets counts the same way from 1900-03-01). */
const SERIAL_OF_1970 = 25_569;
/** Serial 60 is 1900-02-29, a day that never was: Excel keeps Lotus 1-2-3's leap-year bug. */
const FICTITIOUS_LEAP_DAY = 60;

/** True for what a spreadsheet passes for an empty cell: `""` (or only spaces), `0`, `null` or nothing. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === 0 || (typeof value === 'string' && value.trim() === '');
}

/** True for a `Date`, including one made in another realm (Apps Script, a `vm` context). */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * The day number of an Excel 1900-system serial. A fractional serial is a date and a time; the
 * time is dropped. Serials from 61 on are one day ahead of a true count from 1899-12-31
 * because of the fictitious 1900-02-29.
 */
export function dayFromSerial(serial: number): DayNumber {
  if (!Number.isFinite(serial) || serial < 1) {
    throw new CellError('A number in a date cell is read as a spreadsheet date, and this one is not a date (dates are numbers from 1 up).');
  }
  const whole = Math.floor(serial);
  if (whole === FICTITIOUS_LEAP_DAY) throw new CellError('This date is 29 February 1900, a day that never existed.');
  return whole < FICTITIOUS_LEAP_DAY ? whole - SERIAL_OF_1970 + 1 : whole - SERIAL_OF_1970;
}

/** The Excel 1900-system serial of a day number (for every day from 1900-03-01 on). */
export function serialFromDay(day: DayNumber): number {
  return day + SERIAL_OF_1970;
}

/** How a sheet's date cells are read. */
export interface DateReading {
  /** The sheet's time zone, for cells that arrive as `Date` objects (Google Sheets). */
  readonly clock: () => ZoneClock;
}

/**
 * Reads a date cell: a serial number, a `Date` (read in the sheet's time zone), or text written
 * `YYYY-MM-DD`. Returns `undefined` for a blank cell.
 * @throws CellError for anything else.
 */
export function readDate(value: unknown, reading: DateReading, what = 'date'): DayNumber | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === 'number') return dayFromSerial(value);
  if (typeof value === 'string') {
    const day = tryParseIsoDate(value.trim());
    if (day === undefined) {
      throw new CellError(`The ${what} is text that is not a date: enter a date, or text written YYYY-MM-DD (for example 2024-03-04).`);
    }
    return day;
  }
  if (isDate(value)) {
    const ms = Date.prototype.getTime.call(value);
    if (Number.isNaN(ms)) throw new CellError(`The ${what} is not a valid date.`);
    return reading.clock().dayOf(ms);
  }
  throw new CellError(`The ${what} must be a date, but the cell holds ${typeof value === 'boolean' ? 'TRUE or FALSE' : 'something else'}.`);
}

/**
 * Reads a whole number cell (a count of working days). Returns `undefined` for an empty cell;
 * `0` is a number here, not a blank.
 * @throws CellError for anything else.
 */
export function readWholeNumber(value: unknown, what: string): number | undefined {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  const n = typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new CellError(`The ${what} must be a whole number (for example 10, 0 or -5).`);
  }
  return n;
}

/**
 * Reads a text cell (a rule id). Returns `undefined` for a blank cell.
 * @throws CellError when the cell holds a number, a date or TRUE/FALSE.
 */
export function readText(value: unknown, what: string): string | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value !== 'string') throw new CellError(`The ${what} must be text.`);
  return value.trim();
}
