import { TimescaleError } from '../errors.js';

/** The unit a duration is counted in once years are folded into months. */
export type DurationUnit = 'workingDays' | 'days' | 'weeks' | 'months' | 'schoolDays' | 'hours';

/** A validated duration: one unit and a whole, possibly negative, amount of it. */
export interface UnitAmount {
  readonly unit: DurationUnit;
  readonly amount: number;
}

const UNITS: ReadonlySet<string> = new Set(['workingDays', 'days', 'weeks', 'months', 'years', 'schoolDays', 'hours']);

const ACCEPTED =
  'A duration is an object with exactly one of workingDays, days, weeks, months, years, schoolDays or hours ' +
  '(years and months may be combined), each a whole number, for example { workingDays: 5 } or { years: 14, months: 6 }.';

function invalid(problem: string, path: readonly (string | number)[]): TimescaleError {
  return new TimescaleError('invalid-duration', `${problem} ${ACCEPTED}`, path);
}

/**
 * Validates a duration and reduces it to one unit. Hand-written rather than `DurationSchema.parse`
 * because the engine calls it for every due date; it accepts exactly what the schema accepts,
 * except that years and months of opposite signs are refused, as no practice standard means
 * "a year less six months" and the wording of such a span would mislead.
 * @throws TimescaleError `invalid-duration`.
 */
export function readDuration(value: unknown, path: readonly (string | number)[] = []): UnitAmount {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('Expected a duration object.', path);
  const record = value as Record<string, unknown>;
  let unit: DurationUnit | undefined;
  let amount = 0;
  let units = 0;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (v === undefined) continue;
    if (!UNITS.has(key)) throw invalid('The duration has a field that is not a unit.', path);
    if (!Number.isInteger(v)) throw invalid('A duration amount must be a whole number.', [...path, key]);
    units++;
    unit = key === 'years' ? 'months' : (key as DurationUnit);
    amount = key === 'years' ? (v as number) * 12 : (v as number);
  }
  if (unit === undefined) throw invalid('The duration has no unit.', path);
  if (units === 1) return { unit, amount };
  const { years, months } = record as { years?: number; months?: number };
  if (units !== 2 || years === undefined || months === undefined) throw invalid('The duration has more than one unit.', path);
  if (years * months < 0) throw invalid('Years and months must not have opposite signs.', path);
  return { unit: 'months', amount: years * 12 + months };
}
