import { addMonthsToDay } from '../calendar/add-months.js';
import { formatIsoDate, type DayNumber } from '../calendar/day-number.js';
import type { Duration } from '../calendar/duration.js';
import type { SchoolCalendar } from '../calendar/index.js';
import { readDuration, type UnitAmount } from '../calendar/read-duration.js';
import type { WorkingDayCalendar } from '../calendar/types.js';
import { TimescaleError } from '../errors.js';
import { memoSlots } from './memo-slot.js';
import { sharedSchoolCalendar } from './shared-school-calendar.js';
import type { PreparedSubject } from './prepared.js';

/**
 * A fact the rule needs is missing or unusable. Thrown inside a rule's evaluation and turned
 * into an `unknown` obligation with the reason, never a crash and never a false breach.
 */
export class UnknownFact extends Error {
  readonly reason: string;

  constructor(reason: string) {
    // Always caught inside the engine: a stack trace would only cost time.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(reason);
    Error.stackTraceLimit = limit;
    this.reason = reason;
  }
}

const units = new WeakMap<Duration, UnitAmount>();
// The duration read last: a recurring rule adds the same interval for each of its instances.
let lastDuration: Duration | undefined;
let lastUnit: UnitAmount | undefined;

/** A rule table's duration read once, not at every due date. */
function unitOf(duration: Duration): UnitAmount {
  if (duration === lastDuration) return lastUnit!;
  let u = units.get(duration);
  if (!u) {
    u = readDuration(duration);
    units.set(duration, u);
  }
  lastDuration = duration;
  lastUnit = u;
  return u;
}

/** What a rule evaluation reads: the subject, the calendar and the as-of day. */
export class EvalContext {
  private school: SchoolCalendar | undefined | null = null;
  private schoolProblem: string | undefined;
  /**
   * Answers worked out once per snapshot and shared by every rule and instance that asks again
   * (the events a selector matches, the episodes of a spec), in the slot of what was asked.
   * Whatever is stored here is never modified afterwards.
   */
  readonly memo: unknown[] = new Array<unknown>(memoSlots());
  /**
   * The calendar's first provisional day, read once: every obligation compares its due day with
   * it, and a calendar may be any object that has one.
   */
  readonly provisionalFromDay: number;

  constructor(
    readonly subject: PreparedSubject,
    readonly calendar: WorkingDayCalendar,
    /**
     * Whether to write the trace and explanation as rules are evaluated. Off on the fast path,
     * where an obligation writes its text only when it is read, by evaluating its rule again
     * with this on.
     */
    readonly tracing: boolean = true,
  ) {
    this.provisionalFromDay = calendar.provisionalFromDay;
  }

  get asOf(): DayNumber {
    return this.subject.asOf;
  }

  private schoolCal(): SchoolCalendar | undefined {
    if (this.school === null) {
      const t = this.subject.schoolTerms;
      this.school = undefined;
      if (t) {
        try {
          this.school = sharedSchoolCalendar(this.calendar, t.terms, t.closures ?? []);
        } catch (e) {
          if (!(e instanceof TimescaleError)) throw e;
          this.schoolProblem = `the child's school term dates cannot be used (${e.message})`;
        }
      }
    }
    return this.school;
  }

  /**
   * Adds a duration (`times` over) to a day. School days need the child's term dates; a result
   * outside the calendar (or the terms supplied) makes the obligation `unknown`, never a guess.
   */
  add(day: DayNumber, duration: Duration, times = 1): DayNumber {
    const read = unitOf(duration);
    const unit = read.unit;
    const amount = read.amount * times;
    // Calendar days, weeks, months and years need no working-day calendar, so an age far ahead
    // (a baby's 18th birthday) is never out of the calendar's range.
    if (unit === 'days') return day + amount;
    if (unit === 'weeks') return day + 7 * amount;
    if (unit === 'months') return addMonthsToDay(day, amount);
    try {
      if (unit === 'schoolDays') {
        const school = this.schoolCal();
        if (!school) throw new UnknownFact(this.schoolProblem ?? "the child's school term dates are not in the snapshot (schoolTerms), so school days cannot be counted");
        return school.addSchoolDaysNumber(day, amount);
      }
      // The duration is already read: working days go straight to the calendar's count.
      if (unit === 'workingDays') return this.calendar.addWorkingDaysNumber(day, amount);
      return this.calendar.addNumber(day, duration);
    } catch (e) {
      if (e instanceof TimescaleError && e.code === 'out-of-calendar-range') {
        throw new UnknownFact(`counting from ${formatIsoDate(day)} goes outside the dates the calendar covers (${e.message})`);
      }
      throw e;
    }
  }

  /** True when a duration counts calendar time (days, weeks, months, years), which may end on a non-working day. */
  countsCalendarDays(duration: Duration): boolean {
    const { unit } = unitOf(duration);
    return unit === 'days' || unit === 'weeks' || unit === 'months';
  }

  /** Working days d with from < d <= to. */
  workingDaysBetween(from: DayNumber, to: DayNumber): number {
    const cal = this.calendar;
    if (Math.min(from, to) < cal.firstDay || Math.max(from, to) > cal.lastDay) {
      throw new UnknownFact(`working days between ${formatIsoDate(from)} and ${formatIsoDate(to)} fall outside the dates the calendar covers`);
    }
    return cal.workingDaysBetweenNumbers(from, to);
  }
}
