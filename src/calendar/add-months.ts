import { civilFromDays, daysFromCivil, daysInMonth, type DayNumber } from './day-number.js';

// The first day of every month from January 1900 to January 2200, built on first use (14 KB):
// the engine adds months for every recurring review and age, and reading a month's start from
// a table is several times cheaper than working out the civil date and back.
const FIRST_YEAR = 1900;
const MONTHS = (2200 - FIRST_YEAR) * 12;
let monthStarts: Int32Array | undefined;

function buildMonthStarts(): Int32Array {
  const starts = new Int32Array(MONTHS + 1);
  for (let i = 0; i <= MONTHS; i++) starts[i] = daysFromCivil(FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1);
  return starts;
}

/** Days in an average Gregorian month: a first guess at a day's month, put right by the table. */
const AVERAGE_MONTH = 146_097 / 4_800;

/** The civil date's arithmetic, for days outside the table. */
function addMonthsByCivilDate(day: DayNumber, months: number): DayNumber {
  const [year, month, dayOfMonth] = civilFromDays(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)));
}

/**
 * Adds calendar months (negative to go back), clamping to the last day of the target month:
 * 31 January + 1 month is 28 or 29 February, and 29 February 2024 + 1 year (12 months) is
 * 28 February 2025, as date-fns `addMonths` does. Clamping gives the earlier of the two
 * candidate dates, which is the reading that protects the child when the date is a deadline.
 */
export function addMonthsToDay(day: DayNumber, months: number): DayNumber {
  const starts = (monthStarts ??= buildMonthStarts());
  let i = Math.floor((day - starts[0]!) / AVERAGE_MONTH);
  const target = i + months;
  if (i < 1 || i >= MONTHS - 1 || target < 1 || target >= MONTHS - 1) return addMonthsByCivilDate(day, months);
  // The guess is at most one month out either way.
  if (starts[i]! > day) i--;
  else if (starts[i + 1]! <= day) i++;
  const j = i + months;
  const offset = day - starts[i]!;
  return starts[j]! + Math.min(offset, starts[j + 1]! - starts[j]! - 1);
}
