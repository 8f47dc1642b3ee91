import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatIsoDate } from '../../src/calendar/day-number.js';
import { CellError, dayFromSerial, isBlank, readDate, readText, readWholeNumber, serialFromDay } from '../../src/sheets/cells.js';
import { zoneClock } from '../../src/sheets/time-zone.js';

const london = { clock: () => zoneClock('Europe/London') };

describe('Excel 1900-system serials', () => {
  it('reads serials Excel documents: 1 is 1900-01-01, 36526 is 2000-01-01, 45292 is 2024-01-01', () => {
    expect(formatIsoDate(dayFromSerial(1))).toBe('1900-01-01');
    expect(formatIsoDate(dayFromSerial(36526))).toBe('2000-01-01');
    expect(formatIsoDate(dayFromSerial(45292))).toBe('2024-01-01');
  });

  it('steps over the fictitious 1900-02-29 (serial 60): 59 is 28 February, 61 is 1 March', () => {
    expect(formatIsoDate(dayFromSerial(59))).toBe('1900-02-28');
    expect(() => dayFromSerial(60)).toThrow(/29 February 1900/);
    expect(formatIsoDate(dayFromSerial(61))).toBe('1900-03-01');
  });

  it('drops the time of a date-time serial (45355.75 is 2024-03-04 18:00)', () => {
    expect(formatIsoDate(dayFromSerial(45355.75))).toBe('2024-03-04');
  });

  it('refuses numbers that are not dates', () => {
    for (const n of [0.5, -3, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => dayFromSerial(n)).toThrow(CellError);
  });

  it('writes serials that read back to the same day, one a day, for every day from 2000 to 2040', () => {
    const first = daysFromCivil(2000, 1, 1);
    const last = daysFromCivil(2040, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        expect(dayFromSerial(serialFromDay(day))).toBe(day);
        expect(serialFromDay(day + 1) - serialFromDay(day)).toBe(1);
      }),
    );
  });
});

describe('reading cells', () => {
  it('treats "", spaces, 0, null and a missing value as blank, and nothing else', () => {
    for (const v of ['', '   ', 0, null, undefined]) expect(isBlank(v)).toBe(true);
    for (const v of ['0', 1, false, new Date(0)]) expect(isBlank(v)).toBe(false);
    expect(readDate(0, london)).toBeUndefined();
    expect(readDate('', london)).toBeUndefined();
  });

  it('reads ISO text, with surrounding spaces, and refuses other text without echoing it', () => {
    expect(readDate(' 2024-03-04 ', london)).toBe(daysFromCivil(2024, 3, 4));
    for (const text of ['04/03/2024', '2024-02-30', 'Jane Smith']) {
      expect(() => readDate(text, london)).toThrow(CellError);
      try {
        readDate(text, london);
      } catch (e) {
        expect((e as Error).message).not.toContain(text);
        expect((e as Error).message).toMatch(/YYYY-MM-DD/);
      }
    }
  });

  it('refuses TRUE/FALSE and objects in a date cell', () => {
    expect(() => readDate(true, london)).toThrow(/TRUE or FALSE/);
    expect(() => readDate({}, london)).toThrow(CellError);
    expect(() => readDate(new Date(Number.NaN), london)).toThrow(/not a valid date/);
  });

  it('reads whole numbers (0 included) and numeric text, and refuses fractions', () => {
    expect(readWholeNumber(0, 'n')).toBe(0);
    expect(readWholeNumber(' -5 ', 'n')).toBe(-5);
    expect(readWholeNumber('', 'n')).toBeUndefined();
    expect(readWholeNumber(null, 'n')).toBeUndefined();
    expect(() => readWholeNumber(1.5, 'number of working days')).toThrow(/number of working days must be a whole number/);
    expect(() => readWholeNumber('ten', 'n')).toThrow(CellError);
  });

  it('reads text cells and refuses numbers there', () => {
    expect(readText('  a.b ', 'rule id')).toBe('a.b');
    expect(readText(null, 'rule id')).toBeUndefined();
    expect(() => readText(45292, 'rule id')).toThrow(/rule id must be text/);
  });
});
