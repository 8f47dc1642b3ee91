import { schoolCalendar, type SchoolCalendar, type SchoolTerm } from '../calendar/index.js';
import type { WorkingDayCalendar } from '../calendar/types.js';

/** Term dates kept per working-day calendar: a caseload comes from one council, or a few. */
const KEPT = 64;

/**
 * A school calendar made, with the dates it was made from: copies, as the caller's terms are
 * part of a snapshot the caller may change.
 */
interface Kept {
  readonly starts: readonly string[];
  readonly ends: readonly string[];
  readonly closures: readonly string[];
  readonly school: SchoolCalendar;
}

const byCalendar = new WeakMap<WorkingDayCalendar, Kept[]>();

/** Whether `kept` was made from these dates. The dates alone count: any other field a term carries does not change the calendar. */
function madeFrom(kept: Kept, terms: readonly SchoolTerm[], closures: readonly string[]): boolean {
  if (kept.starts.length !== terms.length || kept.closures.length !== closures.length) return false;
  for (let i = 0; i < terms.length; i++) if (kept.starts[i] !== terms[i]!.start || kept.ends[i] !== terms[i]!.end) return false;
  for (let i = 0; i < closures.length; i++) if (kept.closures[i] !== closures[i]) return false;
  return true;
}

/**
 * The school calendar of a child's term dates, made once for all children with the same terms
 * and closures: the children of one school (or one council's term dates) share them, and making
 * one counts every day of the school year. A school calendar never changes, so it is shared.
 * One made before is found by comparing dates, which stops at the first that differs: a key
 * written out of every date (a kilobyte or two for a school year and its closures) cost more than
 * evaluating most rules.
 *
 * @throws TimescaleError when the terms cannot be used (see `schoolCalendar`); nothing is kept.
 */
export function sharedSchoolCalendar(calendar: WorkingDayCalendar, terms: readonly SchoolTerm[], closures: readonly string[]): SchoolCalendar {
  let kept = byCalendar.get(calendar);
  if (!kept) {
    kept = [];
    byCalendar.set(calendar, kept);
  }
  for (const k of kept) if (madeFrom(k, terms, closures)) return k.school;
  const school = schoolCalendar({ terms, closures, calendar });
  // The oldest goes first.
  if (kept.length >= KEPT) kept.shift();
  kept.push({ starts: terms.map((t) => t.start), ends: terms.map((t) => t.end), closures: closures.slice(), school });
  return school;
}
