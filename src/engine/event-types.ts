/** Event types by number, given as each is first seen (by a rule compiled or an event prepared). */
const numbers = new Map<string, number>();

/**
 * The number of an event type, so that a snapshot's events by type are an array read by number
 * rather than a map read by text. Numbers are given in the order types are first seen and never
 * change within a process.
 */
export function typeNumber(type: string): number {
  let n = numbers.get(type);
  if (n === undefined) {
    n = numbers.size;
    numbers.set(type, n);
  }
  return n;
}

/** The number of the visit type, which selectors (a child not seen) and partial data (a mode not recorded) test on every visit. */
export const VISIT = typeNumber('visit');
