import { formatIsoDate, type DayNumber } from '../../../src/calendar/day-number.js';
import { IsoDays } from '../../../src/calendar/iso-days.js';

// Every obligation writes several dates; a table of their text, built on first use, makes each
// one an array read. The range covers dates of birth and the furthest ages the rules count to.
const FIRST = -25_567; // 1900-01-01
const LAST = 47_481; // 2099-12-31
let table: IsoDays | undefined;

/** `YYYY-MM-DD` for a day number (a table read inside 1900 to 2099). */
export function isoDate(day: DayNumber): string {
  if (day < FIRST || day > LAST) return formatIsoDate(day);
  return (table ??= new IsoDays(FIRST, LAST)).format(day);
}
