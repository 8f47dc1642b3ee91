import { englandAndWales } from '../calendar/index.js';
import { formatIsoDate, tryParseIsoDate } from '../calendar/day-number.js';
import { problem, type ImportProblem, type Origin } from './problem.js';

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

let range: { from: string; to: string } | undefined;

/** The dates the working-day calendar covers: a date outside them cannot be counted from. */
function calendarRange(): { from: string; to: string } {
  range ??= englandAndWales().range;
  return range;
}

/** The earliest date of birth taken: ages are counted in months and years, not working days. */
const EARLIEST_BIRTH = '1900-01-01';

function checked(iso: string, at: Origin, column: string, childId: string | undefined, problems: ImportProblem[], written: string, birth = false): string | undefined {
  if (tryParseIsoDate(iso) === undefined) {
    problems.push(problem(at, column, 'invalid-date', `Not a date that exists, written ${written}; the row is left out.`, childId));
    return undefined;
  }
  const { to } = calendarRange();
  // A date of birth before the calendar is still usable (a care leaver born in 1999): ages need no working days.
  const from = birth ? EARLIEST_BIRTH : calendarRange().from;
  if (iso < from || iso > to) {
    problems.push(problem(at, column, 'date-outside-calendar', `The date falls outside the dates the calendar covers (${from} to ${to}); the row is left out.`, childId));
    return undefined;
  }
  return iso;
}

/**
 * A `dd/mm/yyyy` date (SSDA903, CIN census exports) as ISO, or undefined with a problem when it
 * is not a date, does not exist or falls outside the calendar (a date of birth, `birth`, may be
 * earlier: from 1900). Empty text gives undefined and no
 * problem: the caller decides whether the column may be blank.
 */
export function dayMonthYear(text: string, at: Origin, column: string, childId: string | undefined, problems: ImportProblem[], birth = false): string | undefined {
  if (text === '') return undefined;
  const m = DMY.exec(text);
  if (!m) {
    problems.push(problem(at, column, 'invalid-date', 'Not a date written dd/mm/yyyy; the row is left out.', childId));
    return undefined;
  }
  return checked(`${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`, at, column, childId, problems, 'dd/mm/yyyy', birth);
}

/**
 * An ISO date, or the date part of an ISO date-time (`2024-03-04T10:00:00`, read as the local
 * date it is written in), checked as {@link dayMonthYear} checks.
 */
export function isoDatePart(text: string, at: Origin, column: string, childId: string | undefined, problems: ImportProblem[], birth = false): string | undefined {
  if (text === '') return undefined;
  const m = ISO.exec(text);
  if (!m) {
    problems.push(problem(at, column, 'invalid-date', 'Not a date written YYYY-MM-DD; the row is left out.', childId));
    return undefined;
  }
  return checked(`${m[1]}-${m[2]}-${m[3]}`, at, column, childId, problems, 'YYYY-MM-DD', birth);
}

const TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/;

function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0)); // day 0 of the next month: the month's last day
  return last.getUTCDate() - last.getUTCDay();
}

/**
 * Whether a Europe/London wall-clock time is in British Summer Time: from 01:00 GMT on the last
 * Sunday of March to 01:00 GMT on the last Sunday of October. The hour that does not exist in
 * March is read as summer time; the hour that repeats in October as its first (summer) time.
 */
function britishSummerTime(year: number, month: number, day: number, hour: number): boolean {
  if (month > 3 && month < 10) return true;
  if (month < 3 || month > 10) return false;
  const change = lastSunday(year, month);
  if (month === 3) return day > change || (day === change && hour >= 1);
  return day < change || (day === change && hour < 2);
}

/**
 * The `at` of a date-time written without an offset (SSD), read as Europe/London wall-clock
 * time: `2024-03-04T09:30:00+00:00`. Undefined when the text has no time, or only midnight (a date
 * written as a date-time).
 */
export function londonDateTime(text: string): string | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  const [, date, hh, mm, ss = '00'] = m;
  if (hh === '00' && mm === '00' && ss === '00') return undefined;
  const [y, mo, d] = date!.split('-').map(Number) as [number, number, number];
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  return `${date}T${hh}:${mm}:${ss}${britishSummerTime(y, mo, d, Number(hh)) ? '+01:00' : '+00:00'}`;
}

/** Excel's serial number of 1970-01-01 (day number 0), in the 1900 date system. */
const EXCEL_EPOCH = 25569;

/**
 * A workbook's date cell, a serial number in Excel's 1900 date system (a fraction is a time of
 * day, dropped), as ISO, checked as {@link dayMonthYear} checks. Serials before 1 March 1900 are
 * refused: Excel counts a 29 February 1900 that never was, so they cannot be read surely.
 */
export function excelSerialDate(serial: number, at: Origin, column: string, childId: string | undefined, problems: ImportProblem[], birth = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 61) {
    problems.push(problem(at, column, 'invalid-date', 'Not a date: the number is not a date serial of Excel; the row is left out.', childId));
    return undefined;
  }
  return checked(formatIsoDate(Math.floor(serial) - EXCEL_EPOCH), at, column, childId, problems, 'an Excel date', birth);
}
