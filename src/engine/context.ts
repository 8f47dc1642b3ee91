import { formatIsoDate, type DayNumber } from '../calendar/day-number.js';
import type { Duration } from '../calendar/duration.js';
import { addDurationNumber, schoolCalendar, type SchoolCalendar } from '../calendar/index.js';
import type { WorkingDayCalendar } from '../calendar/types.js';
import { TimescaleError } from '../errors.js';
import type { PreparedSubject } from './prepared.js';

/**
 * A fact the rule needs is missing or unusable. Thrown inside a rule's evaluation and turned
 * into an `unknown` obligation with the reason, never a crash and never a false breach.
 */
export class UnknownFact extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** What a rule evaluation reads: the subject, the calendar and the as-of day. */
export class EvalContext {
  private school: SchoolCalendar | undefined | null = null;

  constructor(
    readonly subject: PreparedSubject,
    readonly calendar: WorkingDayCalendar,
  ) {}

  get asOf(): DayNumber {
    return this.subject.asOf;
  }

  private schoolCal(): SchoolCalendar | undefined {
    if (this.school === null) {
      const t = this.subject.schoolTerms;
      this.school = t ? schoolCalendar({ terms: t.terms, closures: t.closures ?? [], calendar: this.calendar }) : undefined;
    }
    return this.school;
  }

  /**
   * Adds a duration to a day. School days need the child's term dates; a result outside the
   * calendar (or the terms supplied) makes the obligation `unknown`, never a guess.
   */
  add(day: DayNumber, duration: Duration): DayNumber {
    if (duration.schoolDays !== undefined && !this.schoolCal()) {
      throw new UnknownFact("the child's school term dates are not in the snapshot (schoolTerms), so school days cannot be counted");
    }
    try {
      return addDurationNumber(this.calendar, day, duration, this.schoolCal());
    } catch (e) {
      if (e instanceof TimescaleError && e.code === 'out-of-calendar-range') {
        throw new UnknownFact(`counting from ${formatIsoDate(day)} goes outside the dates the calendar covers (${e.message})`);
      }
      throw e;
    }
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
