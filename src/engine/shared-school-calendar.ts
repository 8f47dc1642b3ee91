import { schoolCalendar, type SchoolCalendar, type SchoolTerm } from '../calendar/index.js';
import type { WorkingDayCalendar } from '../calendar/types.js';

/** Term dates kept per working-day calendar: a caseload comes from one council, or a few. */
const KEPT = 64;
const byCalendar = new WeakMap<WorkingDayCalendar, Map<string, SchoolCalendar>>();

/**
 * The school calendar of a child's term dates, made once for all children with the same terms
 * and closures: the children of one school (or one council's term dates) share them, and making
 * one counts every day of the school year. A school calendar never changes, so it is shared.
 *
 * @throws TimescaleError when the terms cannot be used (see `schoolCalendar`); nothing is kept.
 */
export function sharedSchoolCalendar(calendar: WorkingDayCalendar, terms: readonly SchoolTerm[], closures: readonly string[]): SchoolCalendar {
  let kept = byCalendar.get(calendar);
  if (!kept) {
    kept = new Map();
    byCalendar.set(calendar, kept);
  }
  // The dates alone make the key: any other field a term carries does not change the calendar.
  const key = `${terms.map((t) => `${t.start}/${t.end}`).join(',')};${closures.join(',')}`;
  let school = kept.get(key);
  if (!school) {
    school = schoolCalendar({ terms, closures, calendar });
    if (kept.size >= KEPT) kept.clear();
    kept.set(key, school);
  }
  return school;
}
