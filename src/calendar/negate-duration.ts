import type { Duration } from './duration.js';

const negated = new WeakMap<Duration, Duration>();

/**
 * The same duration counted back (`{ workingDays: 3 }` → `{ workingDays: -3 }`), for duties due
 * some time before an event. Made once per duration object, since rule tables reuse theirs.
 */
export function negateDuration(d: Duration): Duration {
  let back = negated.get(d);
  if (!back) {
    back = Object.fromEntries(Object.entries(d).map(([k, v]) => [k, -(v as number)])) as Duration;
    negated.set(d, back);
  }
  return back;
}
