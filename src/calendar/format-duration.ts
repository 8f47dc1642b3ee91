import type { Duration } from './duration.js';
import { readDuration } from './read-duration.js';

const NOUNS = {
  workingDays: ['working day', 'working days'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  schoolDays: ['school day', 'school days'],
  hours: ['hour', 'hours'],
  years: ['year', 'years'],
  months: ['month', 'months'],
} as const;

function count(n: number, [one, many]: readonly [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Words a duration the way a practice standard says it: `5 working days`, `1 week`,
 * `14 years 6 months`, `24 hours`. A zero day-based duration is `on the same day`; a negative
 * one counts back and reads `3 working days before`.
 *
 * @example
 * ```ts
 * import { formatDuration } from 'practice-timescales/calendar';
 * formatDuration({ workingDays: 5 });         // '5 working days'
 * formatDuration({ years: 14, months: 6 });   // '14 years 6 months'
 * formatDuration({ workingDays: -3 });        // '3 working days before'
 * ```
 *
 * @throws TimescaleError `invalid-duration`.
 */
export function formatDuration(duration: Duration): string {
  const { unit, amount } = readDuration(duration);
  if (amount === 0 && unit !== 'hours') return 'on the same day';
  let text: string;
  if (unit === 'months') {
    // Keep the split the rule was written with: 18 months stays 18 months, not 1 year 6 months.
    const years = Math.abs(duration.years ?? 0);
    const months = Math.abs(duration.months ?? 0);
    const parts: string[] = [];
    if (years !== 0) parts.push(count(years, NOUNS.years));
    if (months !== 0) parts.push(count(months, NOUNS.months));
    text = parts.join(' ');
  } else {
    text = count(Math.abs(amount), NOUNS[unit]);
  }
  return amount < 0 ? `${text} before` : text;
}
