import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDuration, addDurationNumber, englandAndWales, formatDuration, schoolCalendar } from '../../src/calendar/index.js';
import { formatIsoDate, parseIsoDate } from '../../src/calendar/day-number.js';
import { dateFnsAddMonths } from './reference.js';

const cal = englandAndWales();

describe('calendar units', () => {
  it('adds calendar days and weeks of 7 days', () => {
    expect(cal.add('2024-01-01', { days: 0 })).toBe('2024-01-01');
    expect(cal.add('2024-01-01', { days: -1 })).toBe('2023-12-31');
    expect(cal.add('2024-02-28', { days: 1 })).toBe('2024-02-29');
    expect(cal.add('2024-01-01', { weeks: 2 })).toBe('2024-01-15');
    expect(cal.add('2024-12-25', { weeks: -1 })).toBe('2024-12-18');
    expect(cal.add('2022-05-27', { workingDays: 5 })).toBe('2022-06-07');
  });

  it('clamps months and years to the end of the month, giving the earlier date', () => {
    expect(cal.add('2024-01-31', { months: 1 })).toBe('2024-02-29');
    expect(cal.add('2023-01-31', { months: 1 })).toBe('2023-02-28');
    expect(cal.add('2024-02-29', { years: 1 })).toBe('2025-02-28');
    expect(cal.add('2024-02-29', { years: 4 })).toBe('2028-02-29');
    expect(cal.add('2024-03-31', { months: -1 })).toBe('2024-02-29');
    expect(cal.add('2024-05-31', { months: 1 })).toBe('2024-06-30');
    expect(cal.add('2024-08-31', { years: 14, months: 6 })).toBe('2039-02-28');
    expect(cal.add('2024-12-15', { months: 1 })).toBe('2025-01-15');
    expect(cal.add('2024-01-15', { years: -1, months: -1 })).toBe('2022-12-15');
  });

  it('agrees with date-fns addMonths', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: parseIsoDate('2001-01-01'), max: parseIsoDate('2039-12-31') }),
        fc.integer({ min: -12, max: 12 }),
        (day, months) => {
          const expected = dateFnsAddMonths(day, months);
          expect(cal.add(formatIsoDate(day), { months })).toBe(formatIsoDate(expected));
          expect(cal.addNumber(day, { months })).toBe(expected);
        },
      ),
    );
  });

  it('refuses answers outside the range', () => {
    for (const call of [
      () => cal.add('2040-12-01', { months: 1 }),
      () => cal.add('2000-01-01', { days: -1 }),
      () => cal.add('2030-01-01', { years: 11 }),
      () => cal.addNumber(cal.lastDay, { weeks: 1 }),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'out-of-calendar-range' }));
    }
  });
});

describe('hours', () => {
  it('adds exact elapsed hours and keeps the offset of the input', () => {
    expect(cal.add('2024-03-04T09:30:00+00:00', { hours: 24 })).toBe('2024-03-05T09:30:00+00:00');
    expect(cal.add('2024-03-05T09:30:00+00:00', { hours: -24 })).toBe('2024-03-04T09:30:00+00:00');
    expect(cal.add('2024-03-04T09:30:15+05:30', { hours: 1 })).toBe('2024-03-04T10:30:15+05:30');
    expect(cal.add('2024-03-04T23:30Z', { hours: 1 })).toBe('2024-03-05T00:30:00+00:00');
  });

  it('counts real hours across the UK clock changes', () => {
    // Clocks went forward at 01:00 GMT on 31 March 2024: 24 hours later is 13:00 in London, 12:00 GMT.
    expect(cal.add('2024-03-30T12:00:00+00:00', { hours: 24 })).toBe('2024-03-31T12:00:00+00:00');
    expect(cal.add('2024-03-31T00:30:00+00:00', { hours: 1 })).toBe('2024-03-31T01:30:00+00:00');
    // Clocks went back at 01:00 GMT on 27 October 2024.
    expect(cal.add('2024-10-26T12:00:00+01:00', { hours: 24 })).toBe('2024-10-27T12:00:00+01:00');
    expect(cal.add('2024-10-27T00:30:00+01:00', { hours: 72 })).toBe('2024-10-30T00:30:00+01:00');
  });

  it('refuses a start or answer outside the range', () => {
    expect(() => cal.add('2040-12-31T23:00:00+00:00', { hours: 2 })).toThrow(expect.objectContaining({ code: 'out-of-calendar-range' }));
    expect(() => cal.add('1999-12-31T23:00:00+00:00', { hours: 2 })).toThrow(expect.objectContaining({ code: 'out-of-calendar-range' }));
  });
});

describe('school days', () => {
  const school = schoolCalendar({ terms: [{ start: '2024-09-04', end: '2024-12-20' }], closures: ['2024-10-25'] });

  it('need a school calendar', () => {
    expect(() => cal.add('2024-09-04', { schoolDays: 20 })).toThrow(expect.objectContaining({ code: 'missing-school-terms' }));
    expect(() => cal.addNumber(cal.firstDay, { schoolDays: 1 })).toThrow(expect.objectContaining({ code: 'missing-school-terms' }));
    expect(() => addDuration(cal, '2024-09-04', { schoolDays: 20 })).toThrow(expect.objectContaining({ code: 'missing-school-terms' }));
    expect(() => addDurationNumber(cal, cal.firstDay, { schoolDays: 1 })).toThrow(expect.objectContaining({ code: 'missing-school-terms' }));
  });

  it('are counted on the school calendar by addDuration', () => {
    expect(addDuration(cal, '2024-09-04', { schoolDays: 20 }, { school })).toBe('2024-10-02');
    expect(addDuration(cal, '2024-10-24', { schoolDays: 1 }, { school })).toBe('2024-10-28');
    expect(addDurationNumber(cal, parseIsoDate('2024-10-24'), { schoolDays: 1 }, school)).toBe(parseIsoDate('2024-10-28'));
  });

  it('leave every other unit to the calendar', () => {
    expect(addDuration(cal, '2024-01-31', { months: 1 }, { school })).toBe('2024-02-29');
    expect(addDuration(cal, '2024-03-04T09:30:00+00:00', { hours: 24 })).toBe('2024-03-05T09:30:00+00:00');
    expect(addDurationNumber(cal, parseIsoDate('2022-05-27'), { workingDays: 5 })).toBe(parseIsoDate('2022-06-07'));
  });
});

describe('formatDuration', () => {
  it.each([
    [{ workingDays: 5 }, '5 working days'],
    [{ workingDays: 1 }, '1 working day'],
    [{ workingDays: -3 }, '3 working days before'],
    [{ weeks: 1 }, '1 week'],
    [{ weeks: 6 }, '6 weeks'],
    [{ days: 0 }, 'on the same day'],
    [{ workingDays: 0 }, 'on the same day'],
    [{ days: 1 }, '1 day'],
    [{ months: 3 }, '3 months'],
    [{ months: 18 }, '18 months'],
    [{ years: 1 }, '1 year'],
    [{ years: 14, months: 6 }, '14 years 6 months'],
    [{ years: 18, months: 0 }, '18 years'],
    [{ schoolDays: 20 }, '20 school days'],
    [{ hours: 24 }, '24 hours'],
    [{ hours: 1 }, '1 hour'],
    [{ hours: 0 }, '0 hours'],
  ])('%j reads %s', (duration, text) => {
    expect(formatDuration(duration)).toBe(text);
  });
});
