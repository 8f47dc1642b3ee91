import { civilFromDays, daysFromCivil, daysInMonth, type DayNumber } from './day-number.js';

/**
 * Adds calendar months (negative to go back), clamping to the last day of the target month:
 * 31 January + 1 month is 28 or 29 February, and 29 February 2024 + 1 year (12 months) is
 * 28 February 2025, as date-fns `addMonths` does. Clamping gives the earlier of the two
 * candidate dates, which is the reading that protects the child when the date is a deadline.
 */
export function addMonthsToDay(day: DayNumber, months: number): DayNumber {
  const [year, month, dayOfMonth] = civilFromDays(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)));
}
