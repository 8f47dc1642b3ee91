import { TimescaleError } from '../errors.js';
import { addMonthsToDay } from './add-months.js';
import { buildDayIndex, countMembersBetween, stepMembers, type DayIndex } from './day-index.js';
import {
  dayOfWeek,
  daysFromCivil,
  formatIsoDateTime,
  parseIsoDate,
  parseIsoDateTime,
  type DayNumber,
} from './day-number.js';
import type { Duration } from './duration.js';
import { describeKind, invalidOption, outOfRange, requireWholeNumber } from './inputs.js';
import { IsoDays } from './iso-days.js';
import { readDuration, type DurationUnit } from './read-duration.js';
import type { WorkingDayCalendar } from './types.js';

/** A day that is not a working day although it falls on a weekday (a bank holiday, a closure). */
export interface HolidayEntry {
  /** ISO date, `YYYY-MM-DD`. */
  readonly date: string;
  /** What the day is, e.g. `Boxing Day (substitute day)`. */
  readonly name: string;
}

/** Options for {@link createCalendar}. */
export interface CalendarOptions {
  /** A short id for the calendar, e.g. `scotland`. */
  readonly id: string;
  /** Days of the week that are never working days, 0 = Sunday … 6 = Saturday. Defaults to `[0, 6]`. */
  readonly weekend?: readonly number[];
  /** Holidays and closure days. Days outside `from`…`to` are ignored. Defaults to none. */
  readonly holidays?: readonly HolidayEntry[];
  /** First date the calendar answers for. Defaults to `2000-01-01`. */
  readonly from?: string;
  /** Last date the calendar answers for. Defaults to `2040-12-31`. */
  readonly to?: string;
  /** First date whose holidays are projected rather than announced. Defaults to none. */
  readonly provisionalFrom?: string;
}

/** The longest range a calendar may cover: its tables hold a few bytes and a string per day. */
const MAX_RANGE_DAYS = 200 * 366;

interface StoredHoliday {
  readonly day: DayNumber;
  readonly name: string;
}

class TableCalendar implements WorkingDayCalendar {
  readonly range: { readonly from: string; readonly to: string };
  readonly provisionalFrom: string | undefined;
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;

  constructor(
    readonly id: string,
    private readonly index: DayIndex,
    private readonly iso: IsoDays,
    private readonly stored: readonly StoredHoliday[],
    readonly provisionalFromDay: number,
  ) {
    this.firstDay = index.firstDay;
    this.lastDay = index.lastDay;
    this.range = Object.freeze({ from: iso.format(this.firstDay), to: iso.format(this.lastDay) });
    this.provisionalFrom = provisionalFromDay <= this.lastDay ? this.iso.format(Math.max(provisionalFromDay, this.firstDay)) : undefined;
  }

  isWorkingDay(date: string): boolean {
    return this.index.member[this.dayOf(date) - this.firstDay] === 1;
  }

  addWorkingDays(date: string, n: number): string {
    const day = this.dayOf(date);
    requireWholeNumber(n, 'working days');
    return this.iso.format(this.step(day, n));
  }

  workingDaysBetween(from: string, to: string): number {
    return countMembersBetween(this.index, this.dayOf(from), this.dayOf(to));
  }

  add(date: string, duration: Duration): string {
    const { unit, amount } = readDuration(duration);
    if (unit === 'hours') return this.addHours(date, amount);
    return this.iso.format(this.addDays(this.dayOf(date), unit, amount));
  }

  isProvisional(date: string): boolean {
    return this.dayOf(date) >= this.provisionalFromDay;
  }

  holidays(year: number): { date: string; name: string; provisional: boolean }[] {
    if (!Number.isInteger(year)) {
      throw new TimescaleError('invalid-number', `Expected a year as a whole number (for example 2024), but got ${describeKind(year)}.`);
    }
    const start = daysFromCivil(year, 1, 1);
    const end = daysFromCivil(year, 12, 31);
    if (end < this.firstDay || start > this.lastDay) throw outOfRange('The year', this.range.from, this.range.to);
    return this.stored
      .filter((h) => h.day >= start && h.day <= end)
      .map((h) => ({ date: this.iso.format(h.day), name: h.name, provisional: h.day >= this.provisionalFromDay }));
  }

  isWorkingDayNumber(day: DayNumber): boolean {
    this.checkDay(day);
    return this.index.member[day - this.firstDay] === 1;
  }

  addWorkingDaysNumber(day: DayNumber, n: number): DayNumber {
    this.checkDay(day);
    requireWholeNumber(n, 'working days');
    return this.step(day, n);
  }

  workingDaysBetweenNumbers(from: DayNumber, to: DayNumber): number {
    this.checkDay(from);
    this.checkDay(to);
    return countMembersBetween(this.index, from, to);
  }

  addNumber(day: DayNumber, duration: Duration): DayNumber {
    this.checkDay(day);
    const { unit, amount } = readDuration(duration);
    if (unit === 'hours') {
      throw new TimescaleError(
        'invalid-duration',
        'Hours are exact elapsed time and need a date-time with an offset: use add() with a value such as 2024-03-04T09:30:00+00:00.',
      );
    }
    return this.addDays(day, unit, amount);
  }

  private dayOf(date: unknown): DayNumber {
    const day = this.iso.read(date);
    if (day !== undefined) return day;
    // The fast reader refused the text: either it is not a date that exists, and parseIsoDate
    // throws saying so, or it is one outside the range.
    parseIsoDate(date);
    throw outOfRange('The date', this.range.from, this.range.to);
  }

  private checkDay(day: DayNumber): void {
    if (!Number.isInteger(day)) {
      throw new TimescaleError('invalid-number', `Expected a day number (a whole number of days since 1970-01-01), but got ${describeKind(day)}.`);
    }
    if (day < this.firstDay || day > this.lastDay) throw outOfRange('The date', this.range.from, this.range.to);
  }

  private inRange(day: DayNumber): DayNumber {
    if (day < this.firstDay || day > this.lastDay) throw outOfRange('The answer', this.range.from, this.range.to);
    return day;
  }

  private step(day: DayNumber, n: number): DayNumber {
    const result = stepMembers(this.index, day, n);
    if (result === undefined) throw outOfRange('The answer', this.range.from, this.range.to);
    return result;
  }

  private addDays(day: DayNumber, unit: Exclude<DurationUnit, 'hours'>, amount: number): DayNumber {
    switch (unit) {
      case 'workingDays':
        return this.step(day, amount);
      case 'days':
        return this.inRange(day + amount);
      case 'weeks':
        return this.inRange(day + 7 * amount);
      case 'months':
        return this.inRange(addMonthsToDay(day, amount));
      case 'schoolDays':
        throw new TimescaleError(
          'missing-school-terms',
          'School days can only be counted with the school term dates: use addDuration(calendar, date, duration, { school: schoolCalendar({ terms }) }).',
        );
    }
  }

  private addHours(dateTime: string, hours: number): string {
    const start = parseIsoDateTime(dateTime);
    if (start.localDay < this.firstDay || start.localDay > this.lastDay) {
      throw outOfRange('The date', this.range.from, this.range.to);
    }
    const end = start.epochMinutes + hours * 60;
    this.inRange(Math.floor((end + start.offsetMinutes) / 1440));
    return formatIsoDateTime(end, start.offsetMinutes, start.seconds);
  }
}

function readWeekend(value: unknown): Set<number> {
  if (!Array.isArray(value)) {
    throw invalidOption('weekend must be an array of days of the week, 0 = Sunday … 6 = Saturday, for example [0, 6].', ['weekend']);
  }
  value.forEach((d: unknown, i) => {
    if (!Number.isInteger(d) || (d as number) < 0 || (d as number) > 6) {
      throw invalidOption('Each weekend day must be a whole number from 0 (Sunday) to 6 (Saturday).', ['weekend', i]);
    }
  });
  return new Set(value as number[]);
}

function readHolidays(value: unknown): StoredHoliday[] {
  if (!Array.isArray(value)) {
    throw invalidOption('holidays must be an array of { date: "YYYY-MM-DD", name } objects.', ['holidays']);
  }
  return value.map((h: unknown, i): StoredHoliday => {
    if (typeof h !== 'object' || h === null) {
      throw invalidOption('Each holiday must be a { date: "YYYY-MM-DD", name } object.', ['holidays', i]);
    }
    const { date, name } = h as { date?: unknown; name?: unknown };
    const day = parseIsoDate(date, ['holidays', i, 'date']);
    if (typeof name !== 'string' || name === '') {
      throw invalidOption('Each holiday needs a name, such as "Boxing Day".', ['holidays', i, 'name']);
    }
    return { day, name };
  });
}

/**
 * Builds a working-day calendar from a weekend and a list of holidays. Every table it answers
 * from (which days are working days, a running count of them, the list of them and the ISO
 * text of each day) is built here, once, so each operation afterwards is a few array reads.
 *
 * @example
 * ```ts
 * import { createCalendar } from 'practice-timescales/calendar';
 * // A service open Monday to Thursday.
 * const cal = createCalendar({ id: 'mon-thu', weekend: [0, 5, 6], holidays: [{ date: '2024-12-25', name: 'Christmas Day' }], from: '2024-01-01', to: '2025-12-31' });
 * cal.addWorkingDays('2024-12-24', 1); // '2024-12-26'
 * ```
 *
 * @throws TimescaleError `invalid-option`, `invalid-date` for a badly formed option.
 */
export function createCalendar(options: CalendarOptions): WorkingDayCalendar {
  if (typeof options !== 'object' || options === null) {
    throw invalidOption('createCalendar needs an options object such as { id, weekend, holidays }.', []);
  }
  const { id, weekend = [0, 6], holidays = [], from = '2000-01-01', to = '2040-12-31', provisionalFrom } = options;
  if (typeof id !== 'string' || id === '') throw invalidOption('id must be a non-empty string such as "scotland".', ['id']);
  const weekendDays = readWeekend(weekend);
  const stored = readHolidays(holidays);
  const firstDay = parseIsoDate(from, ['from']);
  const lastDay = parseIsoDate(to, ['to']);
  if (lastDay < firstDay) throw invalidOption('to must not be before from.', ['to']);
  if (lastDay - firstDay + 1 > MAX_RANGE_DAYS) throw invalidOption('A calendar may cover at most 200 years.', ['to']);
  const provisionalFromDay = provisionalFrom === undefined ? Infinity : parseIsoDate(provisionalFrom, ['provisionalFrom']);

  const member = new Uint8Array(lastDay - firstDay + 1);
  for (let day = firstDay; day <= lastDay; day++) member[day - firstDay] = weekendDays.has(dayOfWeek(day)) ? 0 : 1;
  const inRange = stored.filter((h) => h.day >= firstDay && h.day <= lastDay).sort((a, b) => a.day - b.day);
  for (const h of inRange) member[h.day - firstDay] = 0;

  return new TableCalendar(id, buildDayIndex(firstDay, member), new IsoDays(firstDay, lastDay), inRange, provisionalFromDay);
}
