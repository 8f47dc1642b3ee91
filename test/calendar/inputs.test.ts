import { describe, expect, it } from 'vitest';
import { addDuration, englandAndWales, formatDuration, schoolCalendar } from '../../src/calendar/index.js';
import type { Duration } from '../../src/calendar/index.js';

const cal = englandAndWales();
const badDates: unknown[] = ['2023-02-29', '2024-1-5', '05/01/2024', '', null, 20240105, '2024-01-05T09:00:00Z', undefined, {}];

function codeOf(call: () => unknown): string | undefined {
  try {
    call();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('bad dates', () => {
  const school = schoolCalendar({ terms: [{ start: '2024-09-04', end: '2024-12-20' }] });
  const calls: [string, (d: string) => unknown][] = [
    ['isWorkingDay', (d) => cal.isWorkingDay(d)],
    ['addWorkingDays', (d) => cal.addWorkingDays(d, 1)],
    ['workingDaysBetween from', (d) => cal.workingDaysBetween(d, '2024-01-05')],
    ['workingDaysBetween to', (d) => cal.workingDaysBetween('2024-01-05', d)],
    ['add', (d) => cal.add(d, { days: 1 })],
    ['isProvisional', (d) => cal.isProvisional(d)],
    ['isSchoolDay', (d) => school.isSchoolDay(d)],
    ['addDuration', (d) => addDuration(cal, d, { workingDays: 1 })],
  ];
  for (const [name, call] of calls) {
    it(`${name} refuses each malformed or impossible date with invalid-date`, () => {
      for (const bad of badDates) expect(codeOf(() => call(bad as string)), String(bad)).toBe('invalid-date');
    });
  }

  it('says what is accepted and never echoes the value', () => {
    const message = messageOf(() => cal.isWorkingDay('2023-02-29'));
    expect(message).toContain('YYYY-MM-DD');
    expect(message).not.toContain('2023-02-29');
    expect(messageOf(() => cal.addWorkingDays('1999-12-31', 1))).not.toContain('1999-12-31');
  });
});

describe('bad counts', () => {
  it.each([1.5, NaN, Infinity, -Infinity, '5', null, undefined])('refuses %s as n with invalid-number', (bad) => {
    expect(codeOf(() => cal.addWorkingDays('2024-01-05', bad as number))).toBe('invalid-number');
    expect(codeOf(() => cal.addWorkingDaysNumber(cal.firstDay + 10, bad as number))).toBe('invalid-number');
  });

  it('refuses a non-integer day number and year', () => {
    expect(codeOf(() => cal.isWorkingDayNumber(19_000.5))).toBe('invalid-number');
    expect(codeOf(() => cal.workingDaysBetweenNumbers(NaN, 19_000))).toBe('invalid-number');
    expect(codeOf(() => cal.holidays(2024.5))).toBe('invalid-number');
  });

  it('does not echo the number', () => {
    expect(messageOf(() => cal.addWorkingDays('2024-01-05', 1.2345))).not.toContain('1.2345');
  });
});

describe('bad durations', () => {
  it.each([
    {},
    { workingDays: 1, days: 2 },
    { workingDays: 1.5 },
    { weeks: '2' },
    { fortnights: 1 },
    { years: 1, months: -6 },
    null,
    [],
  ])('refuses %j with invalid-duration', (bad) => {
    expect(codeOf(() => cal.add('2024-01-05', bad as Duration))).toBe('invalid-duration');
    expect(codeOf(() => formatDuration(bad as Duration))).toBe('invalid-duration');
  });

  it('refuses hours on a date and day units on a date-time', () => {
    expect(codeOf(() => cal.add('2024-03-04', { hours: 1 }))).toBe('invalid-date-time');
    expect(codeOf(() => cal.add('2024-03-04T09:00:00Z', { days: 1 }))).toBe('invalid-date');
    expect(codeOf(() => cal.addNumber(cal.firstDay, { hours: 1 }))).toBe('invalid-duration');
  });
});
