import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonthsToDay } from '../../src/calendar/add-months.js';
import { parseIsoDate } from '../../src/calendar/day-number.js';
import { dateFnsAddMonths, naiveAddMonths } from './reference.js';

describe('addMonthsToDay', () => {
  it('agrees with months added on the civil date, inside its table of months and beyond it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: parseIsoDate('1800-01-01'), max: parseIsoDate('2300-12-31') }),
        fc.integer({ min: -3600, max: 3600 }),
        (day, months) => {
          expect(addMonthsToDay(day, months)).toBe(naiveAddMonths(day, months));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('agrees with date-fns addMonths', () => {
    fc.assert(
      fc.property(fc.integer({ min: parseIsoDate('2001-01-01'), max: parseIsoDate('2039-12-31') }), fc.integer({ min: -60, max: 60 }), (day, months) => {
        expect(addMonthsToDay(day, months)).toBe(dateFnsAddMonths(day, months));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees at the ends of months and of the table, where a guess of the month could be out', () => {
    const days = ['1900-01-01', '1900-01-31', '1900-02-28', '1900-03-01', '2024-01-31', '2024-02-29', '2024-03-31', '2199-11-30', '2199-12-31', '2200-01-01'].map((d) => parseIsoDate(d));
    for (const day of days) {
      for (let months = -30; months <= 30; months++) expect(addMonthsToDay(day, months), `${day} + ${months}`).toBe(naiveAddMonths(day, months));
      for (const months of [-3599, -3600, 3599, 3600, 12 * 18, 12 * 25]) expect(addMonthsToDay(day, months), `${day} + ${months}`).toBe(naiveAddMonths(day, months));
    }
  });
});
