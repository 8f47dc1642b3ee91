import { civilFromDays, dayOfWeek, daysFromCivil, formatIsoDate, type DayNumber } from '../calendar/day-number.js';
import type { SchoolTerms } from '../schemas/case-snapshot.js';

function mondayOnOrAfter(year: number, month: number, day: number): DayNumber {
  const d = daysFromCivil(year, month, day);
  return d + ((8 - dayOfWeek(d)) % 7);
}

function fridayOnOrBefore(year: number, month: number, day: number): DayNumber {
  const d = daysFromCivil(year, month, day);
  return d - ((dayOfWeek(d) + 2) % 7);
}

function week(monday: DayNumber): DayNumber[] {
  return [0, 1, 2, 3, 4].map((i) => monday + i);
}

const byYears = new Map<string, SchoolTerms>();

/**
 * Typical English school terms for the school years covering two days: three terms a year,
 * with each half-term week and a training day at the start of each term as closures. Each
 * snapshot gets its own copy; the dates are worked out once per span of years.
 */
export function englishSchoolTerms(from: DayNumber, to: DayNumber): SchoolTerms {
  const [fromYear, fromMonth] = civilFromDays(from);
  const [toYear] = civilFromDays(to);
  const first = fromMonth >= 9 ? fromYear : fromYear - 1;
  const key = `${first}-${toYear}`;
  let found = byYears.get(key);
  if (!found) {
    found = termsFor(first, toYear);
    byYears.set(key, found);
  }
  return { terms: found.terms.map((t) => ({ ...t })), closures: [...(found.closures ?? [])] };
}

function termsFor(firstYear: number, lastYear: number): SchoolTerms {
  const terms: { start: string; end: string }[] = [];
  const closures: DayNumber[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    const spans: [DayNumber, DayNumber, DayNumber][] = [
      [mondayOnOrAfter(y, 9, 2), fridayOnOrBefore(y, 12, 20), mondayOnOrAfter(y, 10, 23)],
      [mondayOnOrAfter(y + 1, 1, 3), fridayOnOrBefore(y + 1, 3, 29), mondayOnOrAfter(y + 1, 2, 12)],
      [mondayOnOrAfter(y + 1, 4, 14), fridayOnOrBefore(y + 1, 7, 20), mondayOnOrAfter(y + 1, 5, 26)],
    ];
    for (const [start, end, halfTerm] of spans) {
      terms.push({ start: formatIsoDate(start), end: formatIsoDate(end) });
      closures.push(start, ...week(halfTerm));
    }
  }
  return { terms, closures: closures.map(formatIsoDate) };
}
