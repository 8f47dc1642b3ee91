/**
 * The working-day calendar: England and Wales bank holidays, custom calendars, school terms,
 * adding durations and wording them. This is the `practice-timescales/calendar` entry: it carries
 * no zod and no rule tables, so a page that only counts working days stays small.
 *
 * @module calendar
 */
export { TimescaleError, type TimescaleErrorCode } from '../errors.js';
export { englandAndWales, type EnglandAndWalesOptions } from './england-and-wales.js';
export { createCalendar, type CalendarOptions, type HolidayEntry } from './create-calendar.js';
export { schoolCalendar, type SchoolCalendar, type SchoolCalendarOptions, type SchoolTerm } from './school-calendar.js';
export { addDuration, addDurationNumber } from './add-duration.js';
export { formatDuration } from './format-duration.js';
export { negateDuration } from './negate-duration.js';
export type { Duration } from './duration.js';
export type { WorkingDayCalendar } from './types.js';
export type { DayNumber } from './day-number.js';
