/**
 * `npm run calendars:project`: writes rules/calendars/england-and-wales-projected.json, the
 * England and Wales bank holidays for the years after GOV.UK's last announced year, projected
 * from date-holidays with the reviewed corrections in date-holidays-overrides.json applied.
 *
 * The projection is generated into data at build time so that the library itself does not
 * depend on date-holidays, which bundles every country and would bloat the browser and
 * spreadsheet bundles. test/calendar/date-holidays-cross-check.test.ts reuses these functions
 * to check the shipped data against date-holidays and to fail when this file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';
import dateHolidaysPackage from 'date-holidays/package.json';
import announced from '../rules/calendars/england-and-wales-bank-holidays.json';
import corrections from '../rules/calendars/date-holidays-overrides.json';
import { dayOfWeek, parseIsoDate } from '../src/calendar/day-number.js';

/** The last year projected: englandAndWales() answers up to the end of it. */
export const LAST_PROJECTED_YEAR = 2040;

/** Where the projection is written. */
export const PROJECTED_FILE = fileURLToPath(new URL('../rules/calendars/england-and-wales-projected.json', import.meta.url));

/** A holiday as the data files hold it. */
export interface DatedHoliday {
  date: string;
  name: string;
}

/** The shape of rules/calendars/england-and-wales-projected.json. */
export interface ProjectedFile {
  source: string;
  generatedFrom: string;
  note: string;
  from: string;
  to: string;
  holidays: DatedHoliday[];
}

/**
 * date-holidays' public holidays for England in the given years, uncorrected. `h.date` is read
 * rather than `h.start` because it is the local date as text, whatever `TZ` the process has.
 */
export function dateHolidaysPublic(fromYear: number, toYear: number): DatedHoliday[] {
  const england = new Holidays('GB', 'ENG');
  const out: DatedHoliday[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const h of england.getHolidays(year)) {
      if (h.type === 'public') out.push({ date: h.date.slice(0, 10), name: h.name });
    }
  }
  return out;
}

/** True for a date on a Saturday or Sunday. */
export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(parseIsoDate(date));
  return dow === 0 || dow === 6;
}

/**
 * Applies the reviewed corrections to date-holidays' list for the given years: drops nominal
 * weekend dates (the "drop-weekend-dates" rule) and applies every dated override in those years.
 * The one-off overrides on file are all in past years; they are applied by year, not by kind,
 * so a correction recorded for a future year would be honoured too.
 */
export function correctDateHolidays(raw: readonly DatedHoliday[], fromYear: number, toYear: number): DatedHoliday[] {
  const inYears = (date: string) => {
    const year = Number(date.slice(0, 4));
    return year >= fromYear && year <= toYear;
  };
  const removed = new Set(corrections.overrides.filter((o) => o.action === 'remove').map((o) => o.date));
  const added = corrections.overrides
    .filter((o) => o.action === 'add' && inYears(o.date))
    .map((o) => ({ date: o.date, name: o.name ?? '' }));
  return [...raw.filter((h) => !isWeekend(h.date) && !removed.has(h.date)), ...added].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
}

/** The projection as it should be on disk, computed from date-holidays now. */
export function projectHolidays(): ProjectedFile {
  const fromYear = announced.lastAnnouncedYear + 1;
  return {
    source: 'Projected from date-holidays (GB, ENG, type public) by scripts/project-holidays.ts; run npm run calendars:project to regenerate. Do not edit by hand.',
    generatedFrom: `date-holidays ${dateHolidaysPackage.version}`,
    note:
      'Not announced by GOV.UK: the usual rules projected forward, with the weekend rule of date-holidays-overrides.json applied ' +
      '(only weekday substitute days are listed). One-off bank holidays, such as those for jubilees, and moved bank holidays ' +
      'cannot be foreseen, so answers on or after the first date here are provisional.',
    from: `${fromYear}-01-01`,
    to: `${LAST_PROJECTED_YEAR}-12-31`,
    holidays: correctDateHolidays(dateHolidaysPublic(fromYear, LAST_PROJECTED_YEAR), fromYear, LAST_PROJECTED_YEAR),
  };
}

/** The file's text: one holiday per line so that a regeneration reads well as a diff. */
export function serialiseProjection(file: ProjectedFile): string {
  const text = JSON.stringify(file, null, 2).replace(
    /\{\n\s+"date": ("[^"]+"),\n\s+"name": ("[^"]*")\n\s+\}/g,
    '{ "date": $1, "name": $2 }',
  );
  return `${text}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = projectHolidays();
  writeFileSync(PROJECTED_FILE, serialiseProjection(file));
  console.log(`Wrote ${file.holidays.length} projected holidays (${file.from} to ${file.to}) to ${PROJECTED_FILE}.`);
}
