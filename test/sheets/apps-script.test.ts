import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromCivil, formatIsoDate } from '../../src/calendar/day-number.js';
import { englandAndWales, getRuleSet, ruleSetIds } from '../../src/index.js';
import { zoneClock } from '../../src/sheets/time-zone.js';
import { bareContext, buildInTemp, type BareContext, type TempBuild } from './bundles.js';

const STUBS = ['WORKDAYS_ADD', 'WORKDAYS_BETWEEN', 'IS_WORKDAY', 'TIMESCALE_DUE', 'TIMESCALE_STATUS', 'TIMESCALE_EXPLAIN', 'TIMESCALE_RULES', 'EVALUATE'];

let built: TempBuild;
let script: string;

beforeAll(async () => {
  built = await buildInTemp(['sheets']);
  script = built.read('sheets/timescales.js');
}, 120_000);
afterAll(() => built.remove());

/** Loads the Apps Script file as Apps Script would, for a spreadsheet in `timeZone`. */
function appsScript(timeZone: string): BareContext {
  const sheet = bareContext({
    SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => timeZone }) },
    Session: { getScriptTimeZone: () => 'Europe/London' },
  });
  sheet.run(script);
  return sheet;
}

/** A date cell as Sheets passes it: a Date, made inside the script's realm, at midnight in the sheet's zone. */
function cell(timeZone: string, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `new Date(${zoneClock(timeZone).startOfDay(daysFromCivil(y, m, d))})`;
}

/** The calendar date, in the sheet's zone, of each cell of a returned range (other values as they are). */
function read(timeZone: string, range: unknown): unknown[][] {
  const clock = zoneClock(timeZone);
  return (range as unknown[][]).map((row) =>
    [...row].map((v) => (Object.prototype.toString.call(v) === '[object Date]' ? formatIsoDate(clock.dayOf((v as Date).getTime())) : v)),
  );
}

describe('the Apps Script file', { timeout: 60_000 }, () => {
  it('loads with no Node globals and never builds code from strings', () => {
    const sheet = appsScript('Europe/London');
    expect(sheet.run('typeof require + typeof process + typeof module')).toBe('undefinedundefinedundefined');
    for (const name of STUBS) expect(sheet.run(`typeof ${name}`)).toBe('function');
    sheet.run(`TIMESCALE_RULES(); TIMESCALE_DUE([["leeds.visits.child-in-need"]], [[${cell('Europe/London', '2024-03-04')}]])`);
    expect(sheet.codeGenerations()).toBe(0);
  });

  it('documents every stub as a custom function', () => {
    for (const name of STUBS) {
      expect(script).toMatch(new RegExp(`@customfunction\\n \\*/\\nfunction ${name}\\(`));
    }
  });

  it.each(['Europe/London', 'America/New_York', 'Pacific/Kiritimati'])('adds working days to a column of dates in a %s sheet, as the core does', (zone) => {
    const sheet = appsScript(zone);
    const dates = ['2024-03-04', '2024-12-20', '2024-06-28'];
    const column = `[${dates.map((d) => `[${cell(zone, d)}]`).join(', ')}, [""], ["04/03/2024"]]`;
    const out = read(zone, sheet.run(`WORKDAYS_ADD(${column}, 10)`));
    const calendar = englandAndWales();
    expect(out.slice(0, 3)).toEqual(dates.map((d) => [calendar.addWorkingDays(d, 10)]));
    expect(out[3]).toEqual(['']);
    expect(out[4]![0]).toMatch(/^Error: .*YYYY-MM-DD/);
    expect(() => sheet.run('WORKDAYS_ADD("04/03/2024", 10)')).toThrow(/YYYY-MM-DD/);
  });

  it('takes a single cell as a bare value and returns one cell', () => {
    const sheet = appsScript('Europe/London');
    expect(read('Europe/London', sheet.run(`WORKDAYS_ADD(${cell('Europe/London', '2024-12-24')}, 1)`))).toEqual([['2024-12-27']]);
    expect(sheet.run(`IS_WORKDAY(${cell('Europe/London', '2024-12-25')})`)).toEqual([[false]]);
    expect(sheet.run(`WORKDAYS_BETWEEN(${cell('Europe/London', '2024-12-23')}, ${cell('Europe/London', '2025-01-02')})`)).toEqual([[5]]);
  });

  it('skips closure days passed as a range of dates', () => {
    const sheet = appsScript('America/New_York');
    const closures = `[[${cell('America/New_York', '2024-12-24')}], [""]]`;
    expect(read('America/New_York', sheet.run(`WORKDAYS_ADD(${cell('America/New_York', '2024-12-23')}, 1, ${closures})`))).toEqual([['2024-12-27']]);
  });

  it('lists the shipped rules with TIMESCALE_RULES', () => {
    const table = appsScript('Europe/London').run('TIMESCALE_RULES()') as string[][];
    expect([...table[0]!]).toEqual(['Rule id', 'Title', 'Timescale', 'Rule set', 'Kind']);
    expect(table.slice(1).map((r) => r[0])).toEqual(ruleSetIds.flatMap((id) => getRuleSet(id).rules.map((r) => r.id)));
  });

  it('answers TIMESCALE_DUE for a shipped rule; in a range a bad cell holds its reason as text, alone it throws (#ERROR!)', () => {
    const sheet = appsScript('Europe/London');
    const deadline = ruleSetIds.flatMap((id) => getRuleSet(id).rules).find((r) => r.kind === 'deadline' && !('age' in r.anchor) && !r.appliesWhen && r.due.workingDays !== undefined);
    const rows = `[["${deadline?.id ?? 'none'}"], ["jane smith"], [""]]`;
    const out = read('Europe/London', sheet.run(`TIMESCALE_DUE(${rows}, ${cell('Europe/London', '2024-03-04')})`));
    if (deadline?.kind === 'deadline') expect(out[0]).toEqual([englandAndWales().addWorkingDays('2024-03-04', deadline.due.workingDays!)]);
    expect(out[1]![0]).toMatch(/^Error: This is not a rule id these functions know: TIMESCALE_RULES\(\) lists/);
    expect(out[2]).toEqual(['']);
    expect(() => sheet.run(`TIMESCALE_DUE("jane smith", ${cell('Europe/London', '2024-03-04')})`)).toThrow(/^This is not a rule id these functions know/);
    expect(() => sheet.run('TIMESCALE_RULES("constructor")')).toThrow(/^This is not a rule set these functions know: use one of england-statutory/);
    try {
      sheet.run('TIMESCALE_RULES("jane smith")');
    } catch (e) {
      expect(String(e)).not.toMatch(/jane/);
    }
  });

  it('evaluates a table of events with EVALUATE, dates as dates in the sheet\'s zone', () => {
    const zone = 'Pacific/Kiritimati';
    const sheet = appsScript(zone);
    const events = `[["caseId", "dateOfBirth", "eventId", "type", "date", "mode"], ["c1", ${cell(zone, '2015-05-01')}, "p", "child-in-need-plan-started", ${cell(zone, '2024-01-08')}, ""], ["c1", "", "v", "visit", ${cell(zone, '2024-02-26')}, "in-person"]]`;
    const out = read(zone, sheet.run(`EVALUATE(${events}, "leeds-2023", ${cell(zone, '2024-03-28')})`));
    expect(out[0]).toEqual(['Case', 'Rule', 'Title', 'Status', 'Due', 'Working days late', 'Explanation']);
    // Visited 26 February: next due 25 March (20 working days), 3 working days overdue on 28 March.
    expect(out.filter((r) => r[1] === 'leeds.visits.child-in-need').at(-1)).toEqual(['c1', 'leeds.visits.child-in-need', expect.any(String), 'overdue', '2024-03-25', 3, expect.stringMatching(/^Overdue by 3 working days \(case c1\)/)]);
  });

  it('comes with an appsscript.json for the V8 runtime in Europe/London', () => {
    expect(JSON.parse(built.read('sheets/appsscript.json'))).toMatchObject({ timeZone: 'Europe/London', runtimeVersion: 'V8' });
  });

  it('embeds the England and Wales holidays, not date-holidays, and stays under its size ceilings', () => {
    const inputs = Object.entries(built.build.inputs.sheets);
    expect(inputs.some(([path]) => path.includes('date-holidays'))).toBe(false);
    expect(inputs.some(([path]) => path === 'rules/calendars/england-and-wales-bank-holidays.json')).toBe(true);
    // The engine, calendar and zod are about 205 kB; every country's holidays would be megabytes.
    const code = inputs.filter(([path]) => !/^rules\/[^/]+\.json$/.test(path)).reduce((n, [, bytes]) => n + bytes, 0);
    expect(code).toBeLessThan(256 * 1024);
    // The rule tables grow as standards are added: the whole file must stay easy to paste.
    expect(Buffer.byteLength(script)).toBeLessThan(600 * 1024);
  });
});
