import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate, tryParseIsoDate } from '../../src/calendar/day-number.js';
import { IsoDays } from '../../src/calendar/iso-days.js';

// A range that starts and ends mid-year, to exercise the partial first and last years.
const first = parseIsoDate('2003-03-15');
const last = parseIsoDate('2007-10-02');
const days = new IsoDays(first, last);
const expected = (s: unknown) => {
  const d = tryParseIsoDate(s);
  return d !== undefined && d >= first && d <= last ? d : undefined;
};

describe('IsoDays', () => {
  it('writes every day of the range as formatIsoDate does', () => {
    for (let d = first; d <= last; d++) expect(days.format(d)).toBe(formatIsoDate(d));
  });

  it('reads exactly what tryParseIsoDate reads, inside the range', () => {
    const digit = fc.constantFrom(...'0123456789/-T :'.split(''));
    const nearDate = fc
      .tuple(fc.integer({ min: 2001, max: 2009 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const mangled = fc.tuple(nearDate, fc.nat(9), digit).map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1));
    fc.assert(fc.property(fc.oneof(nearDate, mangled, fc.string({ maxLength: 12 })), (s) => days.read(s) === expected(s)), {
      numRuns: 2000,
    });
  });

  it('refuses what is not a string and the edges just outside the range', () => {
    for (const bad of [null, undefined, 20_040_105, {}, '2003-03-14', '2007-10-03', '2004-02-30', '2005-02-29', '2004-00-10', '2004-13-01']) {
      expect(days.read(bad)).toBeUndefined();
    }
    expect(days.read('2003-03-15')).toBe(first);
    expect(days.read('2007-10-02')).toBe(last);
    expect(days.read('2004-02-29')).toBe(parseIsoDate('2004-02-29'));
  });
});
