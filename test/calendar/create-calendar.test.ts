import { describe, expect, it } from 'vitest';
import { createCalendar, type CalendarOptions } from '../../src/calendar/index.js';

describe('createCalendar', () => {
  const gulf = createCalendar({
    id: 'friday-saturday',
    weekend: [5, 6],
    holidays: [
      { date: '2024-04-10', name: 'Holiday B' },
      { date: '2024-04-09', name: 'Holiday A' },
      { date: '1990-01-01', name: 'Outside the range' },
    ],
    from: '2024-01-01',
    to: '2025-12-31',
    provisionalFrom: '2025-01-01',
  });

  it('uses the weekend it is given', () => {
    expect(gulf.isWorkingDay('2024-01-05')).toBe(false); // Friday
    expect(gulf.isWorkingDay('2024-01-07')).toBe(true); // Sunday
    expect(gulf.addWorkingDays('2024-01-04', 1)).toBe('2024-01-07');
    expect(gulf.workingDaysBetween('2024-01-04', '2024-01-07')).toBe(1);
  });

  it('skips its holidays and lists them in date order with provisional flags', () => {
    expect(gulf.addWorkingDays('2024-04-08', 1)).toBe('2024-04-11');
    expect(gulf.holidays(2024)).toEqual([
      { date: '2024-04-09', name: 'Holiday A', provisional: false },
      { date: '2024-04-10', name: 'Holiday B', provisional: false },
    ]);
    expect(gulf.holidays(2025)).toEqual([]);
    expect(gulf.provisionalFrom).toBe('2025-01-01');
    expect(gulf.isProvisional('2024-12-31')).toBe(false);
    expect(gulf.isProvisional('2025-01-01')).toBe(true);
    expect(gulf.range).toEqual({ from: '2024-01-01', to: '2025-12-31' });
  });

  it('defaults to a Saturday-Sunday weekend, no holidays, 2000 to 2040 and nothing provisional', () => {
    const plain = createCalendar({ id: 'plain' });
    expect(plain.range).toEqual({ from: '2000-01-01', to: '2040-12-31' });
    expect(plain.provisionalFrom).toBeUndefined();
    expect(plain.provisionalFromDay).toBe(Infinity);
    expect(plain.isWorkingDay('2024-12-25')).toBe(true);
    expect(plain.isWorkingDay('2024-12-28')).toBe(false);
    expect(plain.workingDaysBetween('2024-01-01', '2024-12-31')).toBe(261);
  });

  it('validates its options', () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [null, 'invalid-option', []],
      [{ id: '' }, 'invalid-option', ['id']],
      [{ id: 'x', weekend: [7] }, 'invalid-option', ['weekend', 0]],
      [{ id: 'x', weekend: [0, 1.5] }, 'invalid-option', ['weekend', 1]],
      [{ id: 'x', weekend: 6 }, 'invalid-option', ['weekend']],
      [{ id: 'x', holidays: [{ date: '2024-02-30', name: 'x' }] }, 'invalid-date', ['holidays', 0, 'date']],
      [{ id: 'x', holidays: [{ date: '2024-02-03' }] }, 'invalid-option', ['holidays', 0, 'name']],
      [{ id: 'x', holidays: ['2024-02-03'] }, 'invalid-option', ['holidays', 0]],
      [{ id: 'x', from: '2024-01-01', to: '2023-12-31' }, 'invalid-option', ['to']],
      [{ id: 'x', from: '1800-01-01', to: '2100-12-31' }, 'invalid-option', ['to']],
      [{ id: 'x', from: '2024-1-1' }, 'invalid-date', ['from']],
      [{ id: 'x', provisionalFrom: '2028' }, 'invalid-date', ['provisionalFrom']],
    ];
    for (const [options, code, path] of cases) {
      expect(() => createCalendar(options as CalendarOptions), JSON.stringify(options)).toThrow(expect.objectContaining({ code, path }));
    }
  });
});
