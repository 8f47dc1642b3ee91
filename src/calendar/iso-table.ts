import { civilFromDays, daysInMonth, type DayNumber } from './day-number.js';

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/**
 * Every day of a range written as `YYYY-MM-DD`, so that answering with an ISO date is one array
 * read instead of a calendar conversion and string building per call.
 */
export function buildIsoTable(firstDay: DayNumber, lastDay: DayNumber): string[] {
  const table = new Array<string>(lastDay - firstDay + 1);
  let [year, month, day] = civilFromDays(firstDay);
  for (let i = 0; i < table.length; i++) {
    table[i] = `${String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
    if (++day > daysInMonth(year, month)) {
      day = 1;
      if (++month > 12) {
        month = 1;
        year++;
      }
    }
  }
  return table;
}
