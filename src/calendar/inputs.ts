import { TimescaleError } from '../errors.js';

type Path = readonly (string | number)[];

/**
 * Names the kind of a bad input without its value: inputs may be about children, and error
 * messages end up in logs.
 */
export function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    return Number.isFinite(value) ? 'a number with a fractional part' : 'an infinite number';
  }
  if (typeof value === 'string') return value === '' ? 'an empty string' : `a string of ${value.length} characters`;
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Checks that a count (of working days, school days …) is a whole number.
 * @throws TimescaleError `invalid-number` otherwise.
 */
export function requireWholeNumber(value: unknown, what: string, path: Path = []): asserts value is number {
  if (!Number.isInteger(value)) {
    throw new TimescaleError(
      'invalid-number',
      `Expected a whole number of ${what} (for example 5, 0 or -3), but got ${describeKind(value)}.`,
      path,
    );
  }
}

/** The error for a date, or the answer computed from it, that a calendar has no data for. */
export function outOfRange(subject: string, from: string, to: string, path: Path = []): TimescaleError {
  return new TimescaleError(
    'out-of-calendar-range',
    `${subject} is outside the dates this calendar covers (${from} to ${to} inclusive).`,
    path,
  );
}

/** The error for a badly shaped option, naming what is accepted. */
export function invalidOption(message: string, path: Path): TimescaleError {
  return new TimescaleError('invalid-option', message, path);
}
