import { TimescaleError } from '../errors.js';
import type { DayNumber } from './day-number.js';
import type { Duration } from './duration.js';
import { readDuration } from './read-duration.js';
import type { SchoolCalendar } from './school-calendar.js';
import type { WorkingDayCalendar } from './types.js';

function requireSchool(school: SchoolCalendar | undefined): SchoolCalendar {
  if (school === undefined) {
    throw new TimescaleError(
      'missing-school-terms',
      'School days can only be counted with the school term dates: pass { school: schoolCalendar({ terms }) }.',
    );
  }
  return school;
}

/**
 * Adds any duration, school days included: `{ schoolDays }` is counted on `options.school`
 * (whose own base calendar decides which days are working days); every other unit is
 * `calendar.add`.
 *
 * @example
 * ```ts
 * import { addDuration, englandAndWales, schoolCalendar } from 'practice-timescales/calendar';
 * const cal = englandAndWales();
 * addDuration(cal, '2024-01-31', { months: 1 });       // '2024-02-29'
 * addDuration(cal, '2024-04-09', { workingDays: 20 }); // '2024-05-08'
 * const school = schoolCalendar({ terms: [{ start: '2024-09-04', end: '2024-10-25' }, { start: '2024-11-04', end: '2024-12-20' }] });
 * addDuration(cal, '2024-10-21', { schoolDays: 10 }, { school }); // '2024-11-11': half term is not counted
 * ```
 *
 * @throws TimescaleError `missing-school-terms` for school days without a school calendar, and
 * whatever `calendar.add` or `school.addSchoolDays` throw.
 */
export function addDuration(
  calendar: WorkingDayCalendar,
  date: string,
  duration: Duration,
  options: { readonly school?: SchoolCalendar } = {},
): string {
  const { unit, amount } = readDuration(duration);
  if (unit === 'schoolDays') return requireSchool(options.school).addSchoolDays(date, amount);
  return calendar.add(date, duration);
}

/** Day-number form of {@link addDuration}, for every unit but hours. */
export function addDurationNumber(
  calendar: WorkingDayCalendar,
  day: DayNumber,
  duration: Duration,
  school?: SchoolCalendar,
): DayNumber {
  const { unit, amount } = readDuration(duration);
  if (unit === 'schoolDays') return requireSchool(school).addSchoolDaysNumber(day, amount);
  return calendar.addNumber(day, duration);
}
