import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../src/calendar/day-number.js';
import { zoneClock } from '../../src/sheets/time-zone.js';

// Each instant is a sheet's midnight for 2024-03-04 (or the day named), worked out from the
// zone's offset that day: London GMT+0 in March and BST+1 in July; New York EST-5;
// Kiritimati +14; Auckland NZDT+13 in January.
const MIDNIGHTS = [
  { zone: 'Europe/London', date: [2024, 3, 4], utc: Date.UTC(2024, 2, 4, 0) },
  { zone: 'Europe/London', date: [2024, 7, 1], utc: Date.UTC(2024, 5, 30, 23) },
  { zone: 'America/New_York', date: [2024, 3, 4], utc: Date.UTC(2024, 2, 4, 5) },
  { zone: 'Pacific/Kiritimati', date: [2024, 3, 4], utc: Date.UTC(2024, 2, 3, 10) },
  { zone: 'Pacific/Auckland', date: [2024, 1, 15], utc: Date.UTC(2024, 0, 14, 11) },
] as const;

const ZONES = ['Europe/London', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Auckland', 'America/Santiago', 'Asia/Kolkata', 'Australia/Lord_Howe'];

describe('zoneClock', () => {
  it.each(MIDNIGHTS)('reads a $zone midnight as its own calendar date, whatever TZ the tests run in', ({ zone, date, utc }) => {
    const clock = zoneClock(zone);
    const day = daysFromCivil(date[0], date[1], date[2]);
    expect(clock.dayOf(utc)).toBe(day);
    // The last moment of the day before and the last of the day itself.
    expect(clock.dayOf(utc - 1000)).toBe(day - 1);
    expect(clock.dayOf(utc + 86_400_000 - 3_600_000 * 2)).toBe(day);
    expect(clock.startOfDay(day)).toBe(utc);
  });

  it('starts a day at 01:00 where a clock change skips midnight (Santiago, 2024-09-08)', () => {
    // Chile moved from -04 to -03 at midnight, so the day began at 01:00 -03, 04:00 UTC.
    expect(zoneClock('America/Santiago').startOfDay(daysFromCivil(2024, 9, 8))).toBe(Date.UTC(2024, 8, 8, 4));
  });

  it('gives, for every day and zone, an instant on that day whose previous second is the day before', () => {
    const clocks = ZONES.map(zoneClock);
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(2000, 1, 1), max: daysFromCivil(2040, 12, 31) }), fc.nat(clocks.length - 1), (day, i) => {
        const clock = clocks[i]!;
        const start = clock.startOfDay(day);
        expect(clock.dayOf(start)).toBe(day);
        expect(clock.dayOf(start - 1000)).toBe(day - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a zone the runtime does not know', () => {
    expect(() => zoneClock('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
