import type { Duration } from '../calendar/duration.js';
import type { EvalContext } from './context.js';
import { isoDate } from './iso-text.js';
import { dueOn, type Due } from './outcome.js';

/** Day 0 (1970-01-01) was a Thursday. */
function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

/**
 * The due day a calendar-time duration gives from `from`. A standard that counts calendar days
 * means the day it names, so by default a deadline on a weekend or bank holiday stays there (the
 * reading that protects the child) and the explanation says so; a rule may choose, as data
 * (`onNonWorkingDay: "next-working-day"`), to move it to the next working day.
 */
export function dueDay(ctx: EvalContext, from: number, duration: Duration, onNonWorkingDay: 'keep' | 'next-working-day' | undefined): Due {
  const day = ctx.add(from, duration);
  const cal = ctx.calendar;
  // The unit is asked last: most due days are working days, and reading the unit is a lookup.
  if (day < cal.firstDay || day > cal.lastDay || cal.isWorkingDayNumber(day) || !ctx.countsCalendarDays(duration)) return dueOn(day);
  // The note is part of the text alone, which the fast path (not tracing) writes when it is read,
  // by evaluating the rule again with tracing on.
  const what = ctx.tracing ? (isWeekend(day) ? 'at a weekend' : 'on a bank holiday') : undefined;
  if (onNonWorkingDay === 'next-working-day') {
    const next = day < cal.lastDay - 14 ? cal.addWorkingDaysNumber(day, 1) : undefined;
    if (next !== undefined) return dueOn(next, what && `${isoDate(day)} falls ${what}, so the deadline moves to the next working day`);
  }
  return dueOn(day, what && `due ${what}: the standard counts calendar days, so the deadline is not moved to the next working day`);
}
