import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar, englandAndWales, schoolCalendar, type SchoolTerm } from '../../src/calendar/index.js';
import { formatIsoDate, parseIsoDate } from '../../src/calendar/day-number.js';

const terms: SchoolTerm[] = [
  { start: '2025-01-06', end: '2025-04-04' },
  { start: '2024-09-04', end: '2024-12-20' },
  { start: '2025-04-22', end: '2025-07-22' },
];
const school = schoolCalendar({ terms, closures: ['2024-10-25', '2025-06-02', '2023-01-03'] });

describe('schoolCalendar', () => {
  it('covers the first term start to the last term end', () => {
    expect(school.range).toEqual({ from: '2024-09-04', to: '2025-07-22' });
    expect(school.calendar).toBe(englandAndWales());
  });

  it.each([
    ['2024-09-04', true],
    ['2024-09-07', false], // Saturday
    ['2024-10-25', false], // closure
    ['2024-12-23', false], // between terms
    ['2025-04-21', false], // Easter Monday, before the summer term
    ['2025-05-05', false], // bank holiday inside a term
    ['2025-06-02', false], // closure
    ['2025-07-22', true],
  ])('%s is a school day: %s', (date, expected) => {
    expect(school.isSchoolDay(date)).toBe(expected);
  });

  it('counts like working days, skipping the holidays between terms', () => {
    expect(school.addSchoolDays('2024-09-04', 20)).toBe('2024-10-02');
    expect(school.addSchoolDays('2024-12-19', 3)).toBe('2025-01-07');
    expect(school.addSchoolDays('2025-01-07', -3)).toBe('2024-12-19');
    expect(school.addSchoolDays('2024-12-25', 0)).toBe('2024-12-25');
    expect(school.addSchoolDays('2024-12-25', 1)).toBe('2025-01-06');
    expect(school.schoolDaysBetween('2024-12-19', '2025-01-07')).toBe(3);
    expect(school.schoolDaysBetween('2025-01-07', '2024-12-19')).toBe(-3);
    expect(school.addSchoolDaysNumber(parseIsoDate('2024-12-19'), 3)).toBe(parseIsoDate('2025-01-07'));
    expect(school.schoolDaysBetweenNumbers(parseIsoDate('2024-12-19'), parseIsoDate('2025-01-07'))).toBe(3);
    expect(school.isSchoolDayNumber(parseIsoDate('2024-10-25'))).toBe(false);
  });

  it('says the term dates do not cover a date or answer outside them', () => {
    for (const call of [
      () => school.isSchoolDay('2024-09-03'),
      () => school.addSchoolDays('2025-07-21', 2),
      () => school.addSchoolDays('2024-09-05', -2),
      () => school.schoolDaysBetween('2024-09-04', '2025-07-23'),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'out-of-calendar-range' }));
      expect(call).toThrow(/term dates/);
    }
  });

  it('counts on the base calendar it is given', () => {
    const council = englandAndWales({ extraClosures: ['2024-09-05'] });
    const local = schoolCalendar({ terms, calendar: council });
    expect(local.calendar).toBe(council);
    expect(local.isSchoolDay('2024-09-05')).toBe(false);
    expect(local.addSchoolDays('2024-09-04', 1)).toBe('2024-09-06');
  });

  it('validates its options', () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [{ terms: [] }, 'missing-school-terms', ['terms']],
      [{}, 'missing-school-terms', ['terms']],
      [{ terms: [{ start: '2024-09-04', end: '2024-09-03' }] }, 'invalid-option', ['terms', 0, 'end']],
      [{ terms: [{ start: '2024-9-4', end: '2024-12-20' }] }, 'invalid-date', ['terms', 0, 'start']],
      [{ terms: ['2024-09-04'] }, 'invalid-option', ['terms', 0]],
      [{ terms: [{ start: '1999-09-04', end: '1999-12-20' }] }, 'out-of-calendar-range', ['terms', 0]],
      [{ terms, closures: ['2024-13-01'] }, 'invalid-date', ['closures', 0]],
      [{ terms, closures: '2024-10-25' }, 'invalid-option', ['closures']],
      [null, 'invalid-option', []],
    ];
    for (const [options, code, path] of cases) {
      expect(() => schoolCalendar(options as never), JSON.stringify(options)).toThrow(expect.objectContaining({ code, path }));
    }
  });

  it('agrees with a naive day-by-day count', () => {
    const base = createCalendar({ id: 'test', from: '2024-01-01', to: '2026-12-31', holidays: [{ date: '2025-02-14', name: 'Test' }] });
    const first = parseIsoDate('2024-09-02');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 360 }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 360 }),
        fc.integer({ min: -30, max: 30 }),
        (spans, closureOffsets, startOffset, n) => {
          const ranges = spans.map(([s, len]) => [first + s, first + s + len] as const);
          const cal = schoolCalendar({
            terms: ranges.map(([s, e]) => ({ start: formatIsoDate(s), end: formatIsoDate(e) })),
            closures: closureOffsets.map((c) => formatIsoDate(first + c)),
            calendar: base,
          });
          const closed = new Set(closureOffsets.map((c) => first + c));
          const isSchool = (d: number) => ranges.some(([s, e]) => d >= s && d <= e) && base.isWorkingDayNumber(d) && !closed.has(d);
          const lo = Math.min(...ranges.map(([s]) => s));
          const hi = Math.max(...ranges.map(([, e]) => e));
          const start = lo + (startOffset % (hi - lo + 1));
          let d = start;
          let left = Math.abs(n);
          while (left > 0 && d >= lo && d <= hi) {
            d += Math.sign(n);
            if (d >= lo && d <= hi && isSchool(d)) left--;
          }
          expect(cal.isSchoolDayNumber(start)).toBe(isSchool(start));
          if (d < lo || d > hi) expect(() => cal.addSchoolDaysNumber(start, n)).toThrow(/term dates/);
          else expect(cal.addSchoolDaysNumber(start, n)).toBe(d);
        },
      ),
      { numRuns: 60 },
    );
  });
});
