import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englandAndWales, schoolCalendar } from '../../src/calendar/index.js';
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

  it('keeps the dates it was given as they were, whatever the caller does to its own afterwards', () => {
    const own = TERMS.map((t) => ({ ...t }));
    const closures = ['2024-09-23'];
    const a = sharedSchoolCalendar(calendar, own, closures);
    own[1] = { start: '2024-11-05', end: '2024-12-20' };
    closures[0] = '2024-09-24';
    expect(sharedSchoolCalendar(calendar, TERMS, ['2024-09-23'])).toBe(a);
    const changed = sharedSchoolCalendar(calendar, own, closures);
    expect(changed).not.toBe(a);
    expect(changed.isSchoolDay('2024-11-04')).toBe(false);
    expect(changed.isSchoolDay('2024-09-24')).toBe(false);
    expect(a.isSchoolDay('2024-09-24')).toBe(true);
  });

  it('shares a calendar exactly when every date is the same, and counts as one made afresh', () => {
    const DAYS = ['2024-09-09', '2024-09-16', '2024-10-01', '2024-10-14', '2024-11-11', '2024-12-02'];
    const ENDS = ['2024-12-13', '2024-12-20'];
    const dates = fc.record({ end: fc.constantFrom(...ENDS), closures: fc.subarray(DAYS) });
    fc.assert(
      fc.property(dates, dates, (x, y) => {
        const terms = (d: { end: string }) => [{ ...TERMS[0]! }, { start: TERMS[1]!.start, end: d.end }];
        const a = sharedSchoolCalendar(calendar, terms(x), [...x.closures]);
        const b = sharedSchoolCalendar(calendar, terms(y), [...y.closures]);
        const same = x.end === y.end && x.closures.join() === y.closures.join();
        expect(a === b).toBe(same);
        const fresh = schoolCalendar({ terms: terms(y), closures: y.closures, calendar });
        for (const day of ['2024-09-04', ...DAYS, '2024-12-05']) expect(b.addSchoolDays(day, 3)).toBe(fresh.addSchoolDays(day, 3));
      }),
      { numRuns: 100 },
    );
  });

  it('makes again, when more than it keeps have been made, the calendar made longest ago', () => {
    const first = sharedSchoolCalendar(calendar, TERMS, ['2024-09-05']);
    // Each closure list a calendar of its own: more than are kept.
    for (let i = 0; i < 70; i++) sharedSchoolCalendar(calendar, TERMS, [`2024-10-${String(1 + (i % 20)).padStart(2, '0')}`, `2024-11-${String(5 + Math.floor(i / 20)).padStart(2, '0')}`]);
    const again = sharedSchoolCalendar(calendar, TERMS, ['2024-09-05']);
    expect(again).not.toBe(first);
    expect(sharedSchoolCalendar(calendar, TERMS, ['2024-09-05'])).toBe(again);
  });
});
