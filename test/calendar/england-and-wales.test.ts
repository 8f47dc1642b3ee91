import { describe, expect, it } from 'vitest';
import announced from '../../rules/calendars/england-and-wales-bank-holidays.json';
import projected from '../../rules/calendars/england-and-wales-projected.json';
import { englandAndWales } from '../../src/calendar/index.js';
import { dayOfWeek, parseIsoDate } from '../../src/calendar/day-number.js';

const cal = englandAndWales();

describe('englandAndWales data', () => {
  it('lists weekdays only, in order, without duplicates, from 2000 to the last announced year', () => {
    const all = [...announced.holidays, ...projected.holidays];
    const dates = all.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const h of all) expect([0, 6]).not.toContain(dayOfWeek(parseIsoDate(h.date)));
    expect(announced.holidays[0]!.date).toBe('2000-01-03');
    expect(announced.holidays.at(-1)!.date.slice(0, 4)).toBe(String(announced.lastAnnouncedYear));
    expect(projected.from).toBe(`${announced.lastAnnouncedYear + 1}-01-01`);
  });

  it('has eight bank holidays in every ordinary year and the extra ones in the one-off years', () => {
    const extra: Record<number, number> = { 2002: 1, 2011: 1, 2012: 1, 2022: 2, 2023: 1 };
    for (let year = 2000; year <= 2040; year++) expect(cal.holidays(year), String(year)).toHaveLength(8 + (extra[year] ?? 0));
  });
});

describe('englandAndWales known days', () => {
  it.each([
    '2020-12-28', '2021-12-27', '2021-12-28', '2022-12-27', '2026-12-28', '2027-12-27', '2027-12-28', // substitute days
    '2000-01-03', '2022-01-03', '2023-01-02',
    '2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08', // one-off and moved days
    '2011-04-29', '2012-06-04', '2012-06-05', '2002-06-03', '2002-06-04', // years date-holidays gets wrong
    '2024-03-29', '2024-04-01', '2024-12-25', '2024-12-26',
  ])('%s is not a working day', (date) => {
    expect(cal.isWorkingDay(date)).toBe(false);
  });

  it.each([
    '2002-05-27', '2012-05-28', // usual spring bank holiday Mondays, moved those years
    '2020-05-04', // usual early May Monday, moved to VE Day in 2020
    '2022-05-30', // usual spring bank holiday Monday, moved in 2022
    '2024-12-24', '2024-12-27', '2021-12-29', '2000-01-04',
  ])('%s is a working day', (date) => {
    expect(cal.isWorkingDay(date)).toBe(true);
  });

  it('answers the examples of the API', () => {
    expect(cal.isWorkingDay('2022-06-03')).toBe(false);
    expect(cal.addWorkingDays('2022-05-27', 5)).toBe('2022-06-07');
    expect(cal.workingDaysBetween('2022-05-27', '2022-06-07')).toBe(5);
    expect(cal.workingDaysBetween('2022-06-07', '2022-05-27')).toBe(-5);
    expect(cal.addWorkingDays('2022-06-07', -5)).toBe('2022-05-27');
  });

  it('follows Excel WORKDAY for the start day and n = 0', () => {
    expect(cal.addWorkingDays('2022-06-03', 0)).toBe('2022-06-03');
    expect(cal.addWorkingDays('2024-01-06', 1)).toBe('2024-01-08'); // from a Saturday
    expect(cal.addWorkingDays('2024-01-06', -1)).toBe('2024-01-05');
    expect(cal.addWorkingDays('2024-01-08', -1)).toBe('2024-01-05');
    expect(cal.workingDaysBetween('2024-01-08', '2024-01-08')).toBe(0);
  });

  it('steps over Christmas and Easter', () => {
    expect(cal.addWorkingDays('2020-12-24', 1)).toBe('2020-12-29');
    expect(cal.addWorkingDays('2021-12-24', 1)).toBe('2021-12-29');
    expect(cal.addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
    expect(cal.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(cal.addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
    expect(cal.workingDaysBetween('2020-12-24', '2021-01-04')).toBe(4); // 29, 30, 31 Dec and 4 Jan
    expect(cal.addWorkingDays('2024-03-28', 1)).toBe('2024-04-02');
    expect(cal.addWorkingDays('2024-04-02', -1)).toBe('2024-03-28');
    expect(cal.workingDaysBetween('2024-03-28', '2024-04-02')).toBe(1);
    expect(cal.addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
  });

  it('counts working days in whole years', () => {
    expect(cal.workingDaysBetween('2021-12-31', '2022-12-31')).toBe(260 - 10);
    expect(cal.workingDaysBetween('2023-12-31', '2024-12-31')).toBe(262 - 8);
  });
});

describe('englandAndWales range and provisional years', () => {
  it('covers 2000-01-01 to 2040-12-31 and marks projected years provisional', () => {
    expect(cal.id).toBe('england-and-wales');
    expect(cal.range).toEqual({ from: '2000-01-01', to: '2040-12-31' });
    expect(cal.firstDay).toBe(parseIsoDate('2000-01-01'));
    expect(cal.lastDay).toBe(parseIsoDate('2040-12-31'));
    expect(cal.provisionalFrom).toBe('2028-01-01');
    expect(cal.provisionalFromDay).toBe(parseIsoDate('2028-01-01'));
    expect(cal.isProvisional('2027-12-31')).toBe(false);
    expect(cal.isProvisional('2028-01-01')).toBe(true);
    expect(cal.holidays(2027).every((h) => !h.provisional)).toBe(true);
    expect(cal.holidays(2028).every((h) => h.provisional)).toBe(true);
    expect(cal.isWorkingDay('2040-12-25')).toBe(false);
  });

  it('is built once and shared', () => {
    expect(englandAndWales()).toBe(cal);
    expect(englandAndWales({ extraClosures: [] })).toBe(cal);
  });

  it.each([
    () => cal.isWorkingDay('1999-12-31'),
    () => cal.isWorkingDay('2041-01-01'),
    () => cal.addWorkingDays('2040-12-31', 1),
    () => cal.addWorkingDays('2000-01-10', -6),
    () => cal.workingDaysBetween('1999-12-31', '2000-01-04'),
    () => cal.holidays(1999),
    () => cal.holidays(2041),
    () => cal.isProvisional('2041-01-01'),
    () => cal.addWorkingDaysNumber(cal.lastDay + 1, 0),
  ])('refuses dates and answers outside the range (%#)', (call) => {
    expect(call).toThrow(expect.objectContaining({ code: 'out-of-calendar-range' }));
  });

  it('reaches the edges of the range', () => {
    // 2000-01-04 is the first working day: 1 and 2 January are a weekend, 3 January a bank holiday.
    expect(cal.addWorkingDays('2000-01-05', -1)).toBe('2000-01-04');
    expect(() => cal.addWorkingDays('2000-01-04', -1)).toThrow(expect.objectContaining({ code: 'out-of-calendar-range' }));
    expect(cal.addWorkingDays('2040-12-28', 1)).toBe('2040-12-31');
  });
});

describe('englandAndWales extra closures', () => {
  it('treats closure days as non-working and lists them', () => {
    const council = englandAndWales({ extraClosures: ['2024-12-24', '2024-12-27'] });
    expect(council.id).toBe('england-and-wales+closures');
    expect(council.isWorkingDay('2024-12-24')).toBe(false);
    expect(council.addWorkingDays('2024-12-23', 1)).toBe('2024-12-30');
    expect(council.holidays(2024).filter((h) => h.name === 'Closure day').map((h) => h.date)).toEqual([
      '2024-12-24',
      '2024-12-27',
    ]);
    expect(cal.isWorkingDay('2024-12-24')).toBe(true);
  });

  it.each([
    [['2024-12-32'], 'invalid-date', ['extraClosures', 0]],
    [['2024-12-24', '24/12/2024'], 'invalid-date', ['extraClosures', 1]],
    [['1999-12-24'], 'out-of-calendar-range', ['extraClosures', 0]],
    ['2024-12-24', 'invalid-option', ['extraClosures']],
  ])('validates closures (%#)', (extraClosures, code, path) => {
    expect(() => englandAndWales({ extraClosures: extraClosures as string[] })).toThrow(expect.objectContaining({ code, path }));
  });
});
