import { describe, expect, it } from 'vitest';
import { englandAndWales } from '../../src/calendar/index.js';
import { TimescaleError } from '../../src/errors.js';
import { sharedSchoolCalendar } from '../../src/engine/shared-school-calendar.js';

const calendar = englandAndWales();
const TERMS = [
  { start: '2024-09-04', end: '2024-10-25' },
  { start: '2024-11-04', end: '2024-12-20' },
];

describe('sharedSchoolCalendar', () => {
  it('makes one calendar for the same terms and closures, and counts as a fresh one would', () => {
    const a = sharedSchoolCalendar(calendar, TERMS, ['2024-09-20']);
    const b = sharedSchoolCalendar(calendar, TERMS.map((t) => ({ ...t })), ['2024-09-20']);
    expect(b).toBe(a);
    expect(a.addSchoolDays('2024-10-21', 10)).toBe('2024-11-11');
    expect(a.isSchoolDay('2024-09-20')).toBe(false);
  });

  it('makes another for other terms or other closures', () => {
    const a = sharedSchoolCalendar(calendar, TERMS, []);
    expect(sharedSchoolCalendar(calendar, TERMS, ['2024-09-20'])).not.toBe(a);
    expect(sharedSchoolCalendar(calendar, [TERMS[0]!], [])).not.toBe(a);
    expect(sharedSchoolCalendar(calendar, [TERMS[0]!], []).lastDay).toBeLessThan(a.lastDay);
  });

  it('keeps nothing for terms that cannot be used, and says why each time', () => {
    const bad = [{ start: '2024-10-25', end: '2024-09-04' }];
    expect(() => sharedSchoolCalendar(calendar, bad, [])).toThrow(TimescaleError);
    expect(() => sharedSchoolCalendar(calendar, bad, [])).toThrow(TimescaleError);
  });
});
