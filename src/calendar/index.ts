/**
 * The working-day calendar: England and Wales bank holidays, custom calendars, school terms,
 * adding durations and wording them.
 */
export { englandAndWales, type EnglandAndWalesOptions } from './england-and-wales.js';
export { createCalendar, type CalendarOptions, type HolidayEntry } from './create-calendar.js';
export { schoolCalendar, type SchoolCalendar, type SchoolCalendarOptions, type SchoolTerm } from './school-calendar.js';
export { addDuration, addDurationNumber } from './add-duration.js';
export { formatDuration } from './format-duration.js';
export { negateDuration } from './negate-duration.js';
export { DurationSchema, type Duration } from './duration.js';
export type { WorkingDayCalendar } from './types.js';
export type { DayNumber } from './day-number.js';
