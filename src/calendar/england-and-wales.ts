import announced from '../../rules/calendars/england-and-wales-bank-holidays.json';
import projected from '../../rules/calendars/england-and-wales-projected.json';
import { createCalendar, type HolidayEntry } from './create-calendar.js';
import { parseIsoDate } from './day-number.js';
import { invalidOption, outOfRange } from './inputs.js';
import type { WorkingDayCalendar } from './types.js';

/** Options for {@link englandAndWales}. */
export interface EnglandAndWalesOptions {
  /**
   * Days the service is closed although they are not bank holidays, e.g. a council's closure
   * on Christmas Eve, as ISO dates inside the calendar's range.
   */
  readonly extraClosures?: readonly string[];
}

const FROM = '2000-01-01';

let shared: WorkingDayCalendar | undefined;

// Everything is worked out inside functions, none at import: a bundler then drops the bank
// holiday tables from a page that uses other calendar functions only.
function build(id: string, closures: readonly HolidayEntry[]): WorkingDayCalendar {
  return createCalendar({
    id,
    weekend: [0, 6],
    holidays: [...announced.holidays, ...projected.holidays, ...closures],
    from: FROM,
    to: projected.to,
    provisionalFrom: projected.from,
  });
}

/**
 * Monday to Friday less the bank holidays of England and Wales, from 2000-01-01 to 2040-12-31.
 * Holidays up to GOV.UK's last announced year come from the reviewed list in
 * rules/calendars/england-and-wales-bank-holidays.json; later years are projected (see
 * `provisionalFrom`), so answers that reach them are provisional.
 *
 * Without closures the calendar is built once and shared, as its tables take a few
 * milliseconds to build; with closures each call builds a new one with the id
 * `england-and-wales+closures`.
 *
 * @example
 * ```ts
 * import { englandAndWales } from 'practice-timescales/calendar';
 * const cal = englandAndWales();
 * cal.addWorkingDays('2022-05-27', 5);                // '2022-06-07': 2 and 3 June 2022 were bank holidays
 * cal.workingDaysBetween('2022-05-27', '2022-06-07'); // 5
 * englandAndWales({ extraClosures: ['2024-12-24'] }).addWorkingDays('2024-12-23', 1); // '2024-12-27'
 * ```
 *
 * @throws TimescaleError `invalid-option`, `invalid-date` or `out-of-calendar-range` for bad closures.
 */
export function englandAndWales(options: EnglandAndWalesOptions = {}): WorkingDayCalendar {
  if (typeof options !== 'object' || options === null) {
    throw invalidOption('englandAndWales takes an options object such as { extraClosures: ["2024-12-24"] }.', []);
  }
  const { extraClosures = [] } = options;
  if (!Array.isArray(extraClosures)) {
    throw invalidOption('extraClosures must be an array of dates written as YYYY-MM-DD.', ['extraClosures']);
  }
  if (extraClosures.length === 0) return (shared ??= build('england-and-wales', []));
  const firstDay = parseIsoDate(FROM);
  const lastDay = parseIsoDate(projected.to);
  const closures = extraClosures.map((date: unknown, i): HolidayEntry => {
    const day = parseIsoDate(date, ['extraClosures', i]);
    if (day < firstDay || day > lastDay) throw outOfRange('A closure date', FROM, projected.to, ['extraClosures', i]);
    return { date: date as string, name: 'Closure day' };
  });
  return build('england-and-wales+closures', closures);
}
