import type { DayNumber } from './day-number.js';
import type { Duration } from './duration.js';

/**
 * A working-day calendar: which days count as working days, and arithmetic on them.
 *
 * The ISO-string methods are the public API. The `…Day` methods take and return day numbers
 * (days since 1970-01-01) and are what the engine uses on its hot path.
 */
export interface WorkingDayCalendar {
  /** A short id, e.g. `england-and-wales`. */
  readonly id: string;
  /** First and last dates the calendar answers for (inclusive), as ISO dates. */
  readonly range: { readonly from: string; readonly to: string };
  /**
   * The first date whose holidays are projected rather than announced, or `undefined` when the
   * whole range is announced. A due date on or after it is provisional.
   */
  readonly provisionalFrom: string | undefined;

  /** True when the date is a working day (Monday to Friday, not a holiday or closure). */
  isWorkingDay(date: string): boolean;
  /**
   * Excel WORKDAY semantics: the start is not counted; `n < 0` goes back; `n = 0` returns the
   * date itself, even when it is not a working day.
   */
  addWorkingDays(date: string, n: number): string;
  /** The number of working days d with from < d <= to; negative when to < from. */
  workingDaysBetween(from: string, to: string): number;
  /**
   * Adds a duration. Dates (`YYYY-MM-DD`) take day-based units; `{ hours }` takes an ISO
   * date-time with an offset and returns one in the same offset. `{ schoolDays }` needs a
   * school calendar (see `schoolCalendar`).
   */
  add(date: string, duration: Duration): string;
  /** True when the answer for this date depends on projected (not yet announced) holidays. */
  isProvisional(date: string): boolean;
  /** The holidays and closure days in a year, in date order. */
  holidays(year: number): { date: string; name: string; provisional: boolean }[];

  /** Day-number form of {@link WorkingDayCalendar.isWorkingDay}. */
  isWorkingDayNumber(day: DayNumber): boolean;
  /** Day-number form of {@link WorkingDayCalendar.addWorkingDays}. */
  addWorkingDaysNumber(day: DayNumber, n: number): DayNumber;
  /** Day-number form of {@link WorkingDayCalendar.workingDaysBetween}. */
  workingDaysBetweenNumbers(from: DayNumber, to: DayNumber): number;
  /** Day-number form of {@link WorkingDayCalendar.add} for every unit but hours. */
  addNumber(day: DayNumber, duration: Duration): DayNumber;
  /** First day number the calendar answers for. */
  readonly firstDay: DayNumber;
  /** Last day number the calendar answers for. */
  readonly lastDay: DayNumber;
  /** Day number of {@link WorkingDayCalendar.provisionalFrom}, or `Infinity`. */
  readonly provisionalFromDay: number;
}
