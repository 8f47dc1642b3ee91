import type { Duration } from '../calendar/duration.js';
import { formatDuration } from '../calendar/index.js';

const words = new WeakMap<Duration, string>();

/** `formatDuration` of a rule table's duration, worded once per duration object. */
export function durationText(duration: Duration): string {
  let text = words.get(duration);
  if (text === undefined) {
    text = formatDuration(duration);
    words.set(duration, text);
  }
  return text;
}
