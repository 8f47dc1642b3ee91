import { TimescaleError } from '../errors.js';
import { buildDayIndex, countMembersBetween, stepMembers, type DayIndex } from './day-index.js';
import { formatIsoDate, parseIsoDate, type DayNumber } from './day-number.js';
import { englandAndWales } from './england-and-wales.js';
import { describeKind, invalidOption, outOfRange, requireWholeNumber } from './inputs.js';
import { IsoDays } from './iso-days.js';
import type { WorkingDayCalendar } from './types.js';

/** A school term, first and last day inclusive, as ISO dates. */
export interface SchoolTerm {
  readonly start: string;
  readonly end: string;
}

/** Options for {@link schoolCalendar}. */
export interface SchoolCalendarOptions {
  /** The terms, in any order. School days are counted only inside them. */
  readonly terms: readonly SchoolTerm[];
  /** Days inside a term when the school is closed (INSET days, polling days …), as ISO dates. */
  readonly closures?: readonly string[];
  /** The working-day calendar beneath the terms. Defaults to {@link englandAndWales}. */
  readonly calendar?: WorkingDayCalendar;
}

/**
 * School days: days inside a term that are working days of the base calendar and not school
 * closures. Counting follows the working-day rules (start not counted, `n < 0` goes back,
 * `n = 0` returns the date). It covers only the first term's start to the last term's end,
 * because outside them whether a day is a school day is unknown.
 */
export interface SchoolCalendar {
  /** The working-day calendar beneath the terms. */
  readonly calendar: WorkingDayCalendar;
  /** The first term's start and the last term's end, as ISO dates. */
  readonly range: { readonly from: string; readonly to: string };
  /** Day number of `range.from`. */
  readonly firstDay: DayNumber;
  /** Day number of `range.to`. */
  readonly lastDay: DayNumber;
  /** True when the date is a school day. */
  isSchoolDay(date: string): boolean;
  /** Excel WORKDAY semantics on school days. */
  addSchoolDays(date: string, n: number): string;
  /** The number of school days d with from < d <= to; negative when to < from. */
  schoolDaysBetween(from: string, to: string): number;
  /** Day-number form of {@link SchoolCalendar.isSchoolDay}. */
  isSchoolDayNumber(day: DayNumber): boolean;
  /** Day-number form of {@link SchoolCalendar.addSchoolDays}. */
  addSchoolDaysNumber(day: DayNumber, n: number): DayNumber;
  /** Day-number form of {@link SchoolCalendar.schoolDaysBetween}. */
  schoolDaysBetweenNumbers(from: DayNumber, to: DayNumber): number;
}

class TermCalendar implements SchoolCalendar {
  readonly range: { readonly from: string; readonly to: string };
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;

  // The text table is made when a date is first read or written as text: the engine counts
  // school days by number, once per child with terms, and never needs it.
  #iso: IsoDays | undefined;

  constructor(
    readonly calendar: WorkingDayCalendar,
    private readonly index: DayIndex,
  ) {
    this.firstDay = index.firstDay;
    this.lastDay = index.lastDay;
    this.range = Object.freeze({ from: formatIsoDate(this.firstDay), to: formatIsoDate(this.lastDay) });
  }

  private get iso(): IsoDays {
    return (this.#iso ??= new IsoDays(this.firstDay, this.lastDay));
  }

  isSchoolDay(date: string): boolean {
    return this.isSchoolDayNumber(this.dayOf(date));
  }

  addSchoolDays(date: string, n: number): string {
    return this.iso.format(this.addSchoolDaysNumber(this.dayOf(date), n));
  }

  schoolDaysBetween(from: string, to: string): number {
    return this.schoolDaysBetweenNumbers(this.dayOf(from), this.dayOf(to));
  }

  isSchoolDayNumber(day: DayNumber): boolean {
    this.checkDay(day, 'The date');
    return this.index.member[day - this.firstDay] === 1;
  }

  addSchoolDaysNumber(day: DayNumber, n: number): DayNumber {
    this.checkDay(day, 'The date');
    requireWholeNumber(n, 'school days');
    const result = stepMembers(this.index, day, n);
    if (result === undefined) throw this.notCovered('The answer');
    return result;
  }

  schoolDaysBetweenNumbers(from: DayNumber, to: DayNumber): number {
    this.checkDay(from, 'The date');
    this.checkDay(to, 'The date');
    return countMembersBetween(this.index, from, to);
  }

  private dayOf(date: unknown): DayNumber {
    // A date outside the terms is read by the general parser and refused by checkDay.
    return this.iso.read(date) ?? parseIsoDate(date);
  }

  private checkDay(day: DayNumber, subject: string): void {
    if (!Number.isInteger(day)) {
      throw new TimescaleError('invalid-number', `Expected a day number (a whole number of days since 1970-01-01), but got ${describeKind(day)}.`);
    }
    if (day < this.firstDay || day > this.lastDay) throw this.notCovered(subject);
  }

  private notCovered(subject: string): TimescaleError {
    return new TimescaleError(
      'out-of-calendar-range',
      `${subject} is outside the school term dates supplied (${this.range.from} to ${this.range.to}): ` +
        'the term dates do not cover it, so supply the terms of the school year it falls in.',
    );
  }
}

function readTerms(value: unknown, calendar: WorkingDayCalendar): [DayNumber, DayNumber][] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TimescaleError(
      'missing-school-terms',
      'A school calendar needs at least one term, as terms: [{ start: "YYYY-MM-DD", end: "YYYY-MM-DD" }].',
      ['terms'],
    );
  }
  return value.map((term: unknown, i): [DayNumber, DayNumber] => {
    if (typeof term !== 'object' || term === null) {
      throw invalidOption('Each term must be a { start: "YYYY-MM-DD", end: "YYYY-MM-DD" } object.', ['terms', i]);
    }
    const { start, end } = term as { start?: unknown; end?: unknown };
    const first = parseIsoDate(start, ['terms', i, 'start']);
    const last = parseIsoDate(end, ['terms', i, 'end']);
    if (last < first) throw invalidOption('A term must not end before it starts.', ['terms', i, 'end']);
    if (first < calendar.firstDay || last > calendar.lastDay) {
      throw outOfRange('The term', calendar.range.from, calendar.range.to, ['terms', i]);
    }
    return [first, last];
  });
}

/**
 * Builds a school calendar from term dates, closures and a base working-day calendar. Like
 * {@link createCalendar}, it precomputes its tables so every operation is a few array reads.
 *
 * @example
 * ```ts
 * import { schoolCalendar } from 'practice-timescales/calendar';
 * const school = schoolCalendar({ terms: [{ start: '2024-09-04', end: '2024-10-25' }, { start: '2024-11-04', end: '2024-12-20' }] });
 * school.addSchoolDays('2024-10-21', 10); // '2024-11-11'
 * ```
 *
 * @throws TimescaleError `missing-school-terms` without terms; `invalid-option`, `invalid-date` or
 * `out-of-calendar-range` for a bad term or closure.
 */
export function schoolCalendar(options: SchoolCalendarOptions): SchoolCalendar {
  if (typeof options !== 'object' || options === null) {
    throw invalidOption('schoolCalendar needs an options object such as { terms, closures }.', []);
  }
  const { closures = [], calendar = englandAndWales() } = options;
  const terms = readTerms(options.terms, calendar);
  if (!Array.isArray(closures)) {
    throw invalidOption('closures must be an array of dates written as YYYY-MM-DD.', ['closures']);
  }
  const closed = new Set(closures.map((date: unknown, i) => parseIsoDate(date, ['closures', i])));

  const firstDay = Math.min(...terms.map(([first]) => first));
  const lastDay = Math.max(...terms.map(([, last]) => last));
  const member = new Uint8Array(lastDay - firstDay + 1);
  for (const [first, last] of terms) {
    for (let day = first; day <= last; day++) {
      member[day - firstDay] = calendar.isWorkingDayNumber(day) && !closed.has(day) ? 1 : 0;
    }
  }
  return new TermCalendar(calendar, buildDayIndex(firstDay, member));
}
