import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar, englandAndWales } from '../../src/calendar/index.js';
import { formatIsoDate, parseIsoDate } from '../../src/calendar/day-number.js';
import { naiveCalendar, naiveEnglandAndWales } from './reference.js';

const cal = englandAndWales();
// Far enough inside the range that n up to ±300 never leaves it.
const INNER_FROM = parseIsoDate('2002-01-01');
const INNER_TO = parseIsoDate('2038-12-31');
const day = fc.integer({ min: INNER_FROM, max: INNER_TO });
const iso = day.map(formatIsoDate);
const workingIso = iso.map((d) => (cal.isWorkingDay(d) ? d : cal.addWorkingDays(d, 1)));
const n = fc.integer({ min: -300, max: 300 });

describe('working-day arithmetic properties', () => {
  it('lands on a working day for n ≠ 0', () => {
    fc.assert(fc.property(iso, n.filter((k) => k !== 0), (d, k) => cal.isWorkingDay(cal.addWorkingDays(d, k))));
  });

  it('counts back the n it added, from a working day', () => {
    fc.assert(fc.property(workingIso, n, (d, k) => cal.workingDaysBetween(d, cal.addWorkingDays(d, k)) === k));
  });

  it('returns to a working start when going forward then back', () => {
    fc.assert(fc.property(workingIso, n, (d, k) => cal.addWorkingDays(cal.addWorkingDays(d, k), -k) === d));
  });

  it('is strictly increasing in n', () => {
    fc.assert(fc.property(iso, n, (d, k) => cal.addWorkingDays(d, k) < cal.addWorkingDays(d, k + 1)));
  });

  it('counts what isWorkingDay says, day by day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -120, max: 120 }), (from, span) => {
        const to = from + span;
        let expected = 0;
        for (let d = Math.min(from, to) + 1; d <= Math.max(from, to); d++) if (cal.isWorkingDay(formatIsoDate(d))) expected++;
        return cal.workingDaysBetween(formatIsoDate(from), formatIsoDate(to)) === Math.sign(span) * expected;
      }),
    );
  });

  it('agrees with a naive day-by-day reference on pure day numbers', () => {
    fc.assert(
      fc.property(day, n, day, (d, k, other) => {
        expect(cal.isWorkingDayNumber(d)).toBe(naiveEnglandAndWales.isWorking(d));
        expect(cal.addWorkingDaysNumber(d, k)).toBe(naiveEnglandAndWales.add(d, k));
        expect(cal.workingDaysBetweenNumbers(d, other)).toBe(naiveEnglandAndWales.between(d, other));
        expect(cal.addWorkingDays(formatIsoDate(d), k)).toBe(formatIsoDate(naiveEnglandAndWales.add(d, k)));
      }),
    );
  });

  it('agrees with the reference for any weekend and holidays in a custom calendar', () => {
    const from = parseIsoDate('2020-01-01');
    const to = parseIsoDate('2021-12-31');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 5 }),
        fc.uniqueArray(fc.integer({ min: from, max: to }), { maxLength: 40 }),
        fc.integer({ min: from + 60, max: to - 60 }),
        fc.integer({ min: -20, max: 20 }),
        (weekend, holidays, d, k) => {
          const custom = createCalendar({
            id: 'custom',
            weekend,
            holidays: holidays.map((h) => ({ date: formatIsoDate(h), name: 'Holiday' })),
            from: formatIsoDate(from),
            to: formatIsoDate(to),
          });
          const ref = naiveCalendar(weekend, holidays);
          expect(custom.isWorkingDayNumber(d)).toBe(ref.isWorking(d));
          expect(custom.workingDaysBetweenNumbers(d - 45, d + 45)).toBe(ref.between(d - 45, d + 45));
          const expected = ref.add(d, k);
          if (expected < from || expected > to) {
            expect(() => custom.addWorkingDaysNumber(d, k)).toThrow(expect.objectContaining({ code: 'out-of-calendar-range' }));
          } else {
            expect(custom.addWorkingDaysNumber(d, k)).toBe(expected);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
