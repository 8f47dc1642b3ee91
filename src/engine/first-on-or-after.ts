import type { PreparedEvent } from './prepared.js';

/**
 * Where the events on or after a day start in a list in date order (its length when none is):
 * found by halving, as a duty with many instances asks this once for each.
 */
export function firstOnOrAfter(events: readonly PreparedEvent[], day: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
