import { englandAndWales } from '../calendar/index.js';
import { tryParseIsoDate } from '../calendar/day-number.js';
import { problem, type ImportProblem, type Origin } from './problem.js';

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

let range: { from: string; to: string } | undefined;

/** The dates the working-day calendar covers: a date outside them cannot be counted from. */
function calendarRange(): { from: string; to: string } {
  range ??= englandAndWales().range;
  return range;
}

function checked(iso: string, at: Origin, column: string, childId: string | undefined, problems: ImportProblem[], written: string): string | undefined {
  if (tryParseIsoDate(iso) === undefined) {
    problems.push(problem(at, column, 'invalid-date', `Not a date that exists, written ${written}; the row is left out.`, childId));
    return undefined;
  }
  const { from, to } = calendarRange();
  if (iso < from || iso > to) {
    problems.push(problem(at, column, 'date-outside-calendar', `The date falls outside the dates the calendar covers (${from} to ${to}); the row is left out.`, childId));
    return undefined;
  }
  return iso;
}

/**
 * A `dd/mm/yyyy` date (SSDA903, CIN census exports) as ISO, or undefined with a problem when it
 * is not a date, does not exist or falls outside the calendar. Empty text gives undefined and no
 * problem: the caller decides whether the column may be blank.
 */
export function dayMonthYear(text: string, at: Origin, column: string, childId: string | undefined, problems: ImportProblem[]): string | undefined {
  if (text === '') return undefined;
  const m = DMY.exec(text);
  if (!m) {
    problems.push(problem(at, column, 'invalid-date', 'Not a date written dd/mm/yyyy; the row is left out.', childId));
    return undefined;
  }
  return checked(`${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`, at, column, childId, problems, 'dd/mm/yyyy');
}

/**
 * An ISO date, or the date part of an ISO date-time (`2024-03-04T10:00:00`, read as the local
 * date it is written in), checked as {@link dayMonthYear} checks.
 */
export function isoDatePart(text: string, at: Origin, column: string, childId: string | undefined, problems: ImportProblem[]): string | undefined {
  if (text === '') return undefined;
  const m = ISO.exec(text);
  if (!m) {
    problems.push(problem(at, column, 'invalid-date', 'Not a date written YYYY-MM-DD; the row is left out.', childId));
    return undefined;
  }
  return checked(`${m[1]}-${m[2]}-${m[3]}`, at, column, childId, problems, 'YYYY-MM-DD');
}
