import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import announced from '../../rules/calendars/england-and-wales-bank-holidays.json';
import corrections from '../../rules/calendars/date-holidays-overrides.json';
import {
  correctDateHolidays,
  dateHolidaysPublic,
  isWeekend,
  PROJECTED_FILE,
  projectHolidays,
  serialiseProjection,
} from '../../scripts/project-holidays.js';

const LAST = announced.lastAnnouncedYear;

describe('the shipped bank holidays against date-holidays', () => {
  const raw = dateHolidaysPublic(2000, LAST);
  const weekdays = new Set(raw.filter((h) => !isWeekend(h.date)).map((h) => h.date));

  it('differ only by the reviewed overrides, in every year from 2000 to the last announced year', () => {
    expect(correctDateHolidays(raw, 2000, LAST).map((h) => h.date)).toEqual(announced.holidays.map((h) => h.date));
  });

  it('lists no override that is no longer a difference', () => {
    for (const o of corrections.overrides) {
      expect(weekdays.has(o.date), `${o.action} ${o.date}`).toBe(o.action === 'remove');
      expect(o.reason.length, o.date).toBeGreaterThan(20);
    }
    expect(corrections.rules.map((r) => r.rule)).toEqual(['drop-weekend-dates']);
    expect(raw.some((h) => isWeekend(h.date)), 'date-holidays no longer lists weekend dates').toBe(true);
  });

  it('gives the one-off days the names of the overrides', () => {
    for (const o of corrections.overrides.filter((x) => x.action === 'add')) {
      expect(announced.holidays.find((h) => h.date === o.date)?.name).toBe(o.name);
    }
  });
});

describe('the projected bank holidays', () => {
  it('are what npm run calendars:project generates now', () => {
    expect(readFileSync(PROJECTED_FILE, 'utf8')).toBe(serialiseProjection(projectHolidays()));
  });
});
