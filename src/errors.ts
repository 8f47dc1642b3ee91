/**
 * Stable error codes. Callers branch on `code`, never on the message text.
 */
export type TimescaleErrorCode =
  | 'invalid-date'
  | 'invalid-date-time'
  | 'out-of-calendar-range'
  | 'invalid-number'
  | 'invalid-duration'
  | 'missing-school-terms'
  | 'unknown-rule-set'
  | 'unknown-rule'
  | 'invalid-rule-set'
  | 'invalid-calendar'
  | 'invalid-option'
  | 'no-rules-apply'
  | 'snapshot-changed';

/**
 * The one error type the library throws for bad input. It carries a stable `code`, a message a
 * person can act on, and (where the input was structured) the path of the offending field. It
 * never carries the offending value itself: inputs may be about children.
 */
export class TimescaleError extends Error {
  /** Stable, machine-readable reason. */
  readonly code: TimescaleErrorCode;
  /** Path of the offending field, e.g. `['events', 3, 'date']`, when known. */
  readonly path: readonly (string | number)[];

  constructor(code: TimescaleErrorCode, message: string, path: readonly (string | number)[] = []) {
    super(message);
    this.name = 'TimescaleError';
    this.code = code;
    this.path = path;
  }
}
