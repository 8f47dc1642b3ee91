/**
 * A deliberately naive reference for the property tests: day-by-day loops over day numbers and
 * the shipped data, with no tables and no `Date`, so agreement with it checks both the O(1)
 * tables and the absence of any dependence on the process time zone.
 */
import announced from '../../rules/calendars/england-and-wales-bank-holidays.json';
import projected from '../../rules/calendars/england-and-wales-projected.json';
import { addMonths } from 'date-fns';
import { civilFromDays, dayOfWeek, daysFromCivil, daysInMonth, parseIsoDate, type DayNumber } from '../../src/calendar/day-number.js';

/** Working-day arithmetic by walking one day at a time. */
export interface NaiveCalendar {
  isWorking(day: DayNumber): boolean;
  add(day: DayNumber, n: number): DayNumber;
  between(from: DayNumber, to: DayNumber): number;
}

/** A naive calendar from a weekend and a set of holiday day numbers. */
export function naiveCalendar(weekend: readonly number[], holidays: Iterable<DayNumber>): NaiveCalendar {
  const closed = new Set(holidays);
  const isWorking = (day: DayNumber) => !weekend.includes(dayOfWeek(day)) && !closed.has(day);
  return {
    isWorking,
    add(day, n) {
      const step = n < 0 ? -1 : 1;
      let left = Math.abs(n);
      while (left > 0) {
        day += step;
        if (isWorking(day)) left--;
      }
      return day;
    },
    between(from, to) {
      const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let d = lo + 1; d <= hi; d++) if (isWorking(d)) count++;
      return count === 0 ? 0 : sign * count;
    },
  };
}

/** The England and Wales reference, read straight from the data files. */
export const naiveEnglandAndWales = naiveCalendar(
  [0, 6],
  [...announced.holidays, ...projected.holidays].map((h) => parseIsoDate(h.date)),
);

/**
 * date-fns `addMonths` on a day's civil date, at noon so that no daylight saving moves the day.
 * Local time: only for years in which no zone the suite runs in skipped a day (Kiritimati skipped
 * 31 December 1994).
 */
export function dateFnsAddMonths(day: DayNumber, months: number): DayNumber {
  const [y, m, d] = civilFromDays(day);
  const date = addMonths(new Date(y, m - 1, d, 12), months);
  return daysFromCivil(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** Months added on the civil date, clamped to the target month's last day: any year, no tables. */
export function naiveAddMonths(day: DayNumber, months: number): DayNumber {
  const [y, m, d] = civilFromDays(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return daysFromCivil(year, month, Math.min(d, daysInMonth(year, month)));
}
