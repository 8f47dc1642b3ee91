import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatIsoDate, parseIsoDate } from '../../src/calendar/day-number.js';
import { englandAndWales, evaluate, getRuleSet, ruleSetIds } from '../../src/index.js';

/** A cell with no answer: `#VALUE!` (value) or `#N/A` (not-available), with a message matching `re`. */
const failure = (kind: 'value' | 'not-available', re: RegExp) => expect.objectContaining({ kind, message: expect.stringMatching(re) }) as unknown as CellFailure;
import { dayFromSerial, serialFromDay } from '../../src/sheets/cells.js';
import { CellFailure } from '../../src/sheets/cells.js';
import { sheetFunctions } from '../../src/sheets/functions.js';
import { zoneClock } from '../../src/sheets/time-zone.js';
import { testRules } from './fixture-rules.js';

const excel = sheetFunctions({ ruleSets: [testRules] });
const calendar = englandAndWales();
const serial = (iso: string) => serialFromDay(parseIsoDate(iso));
const iso = (s: unknown) => formatIsoDate(dayFromSerial(s as number));
const column = (values: readonly unknown[]) => values.map((v) => [v]);

const FIRST = daysFromCivil(2000, 1, 1);
const LAST = daysFromCivil(2040, 12, 31);

describe('WORKDAYS_ADD', { timeout: 60_000 }, () => {
  it('counts over Christmas and New Year as WORKDAY does (worked by hand)', () => {
    // Fri 2024-12-20 + 10: 23, 24, (25, 26 bank holidays), 27, 30, 31, (1 Jan), 2, 3, 6, 7, 8.
    expect(iso(excel.WORKDAYS_ADD(serial('2024-12-20'), 10)[0]![0])).toBe('2025-01-08');
    // Going back 1 from Tue 2024-12-27 skips both bank holidays and the weekend before them.
    expect(iso(excel.WORKDAYS_ADD('2024-12-27', -1)[0]![0])).toBe('2024-12-24');
  });

  it('gives the core answer for every row of a 10,000-row column, blanks and bad rows in place', () => {
    const rows = fc.sample(fc.tuple(fc.integer({ min: FIRST + 400, max: LAST - 400 }), fc.integer({ min: -200, max: 200 })), { numRuns: 10_000, seed: 7 });
    const dates: unknown[] = rows.map(([day]) => serialFromDay(day));
    const counts: unknown[] = rows.map(([, n]) => n);
    dates[10] = '';
    dates[20] = null;
    dates[30] = 'not a date';
    counts[40] = 2.5;
    const out = excel.WORKDAYS_ADD(column(dates), column(counts));
    const expected: unknown[][] = rows.map(([day, n]) => [serial(calendar.addWorkingDays(formatIsoDate(day), n))]);
    expected[10] = [''];
    expected[20] = [''];
    expected[30] = [failure('value', /YYYY-MM-DD/)];
    expected[40] = [failure('value', /whole number/)];
    expect(out).toEqual(expected);
  });

  it('repeats a single cell across a range, row or column, and flags cells with no partner', () => {
    const out = excel.WORKDAYS_ADD([[serial('2024-03-04'), serial('2024-03-05')]], [[1], [2]]);
    expect(out.map((r) => r.map(iso))).toEqual([
      ['2024-03-05', '2024-03-06'],
      ['2024-03-06', '2024-03-07'],
    ]);
    const uneven = excel.WORKDAYS_ADD(column([serial('2024-03-04'), serial('2024-03-05'), serial('2024-03-06')]), column([1, 2]));
    expect(iso(uneven[1]![0])).toBe('2024-03-07');
    expect(uneven[2]![0]).toEqual(failure('not-available', /^The ranges in this formula are different sizes/));
  });

  it('skips closure days given as serials, text or blanks, and reports a bad closure list in every cell', () => {
    const closures = column([serial('2024-12-24'), '', '2024-12-27']);
    expect(iso(excel.WORKDAYS_ADD('2024-12-23', 2, closures)[0]![0])).toBe('2024-12-31');
    const bad = excel.WORKDAYS_ADD(column(['2024-12-23', '2024-12-30']), 1, column(['2024-12-24', 'Boxing Day']));
    expect(bad.flat()).toEqual([failure('value', /^Closure day 2: /), failure('value', /^Closure day 2: /)]);
  });

  it('says when an answer falls outside the calendar (2000 to 2040)', () => {
    expect(excel.WORKDAYS_ADD(serial('2040-12-28'), 10)[0]![0]).toEqual(failure('value', /outside the dates this calendar covers \(2000-01-01 to 2040-12-31/));
    expect(excel.WORKDAYS_ADD(5, 1)[0]![0]).toEqual(failure('value', /outside/));
  });
});

describe('WORKDAYS_BETWEEN and IS_WORKDAY', () => {
  it('agree with the core calendar on random dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: FIRST, max: LAST }), (a, b) => {
        const between = excel.WORKDAYS_BETWEEN(serialFromDay(a), serialFromDay(b))[0]![0];
        expect(between).toBe(calendar.workingDaysBetween(formatIsoDate(a), formatIsoDate(b)));
        expect(excel.IS_WORKDAY(serialFromDay(a))[0]![0]).toBe(calendar.isWorkingDay(formatIsoDate(a)));
      }),
    );
  });

  it('answer known days: Christmas Eve works, Christmas Day does not, a closure does not', () => {
    expect(excel.IS_WORKDAY(column(['2024-12-24', '2024-12-25', '2024-12-28', ''])).flat()).toEqual([true, false, false, '']);
    expect(excel.IS_WORKDAY('2024-12-24', '2024-12-24')[0]![0]).toBe(false);
    // 23 Dec to 2 Jan: 24, 27, 30, 31, 2 (25, 26 and 1 Jan are bank holidays).
    expect(excel.WORKDAYS_BETWEEN('2024-12-23', '2025-01-02')[0]![0]).toBe(5);
    expect(excel.WORKDAYS_BETWEEN('2025-01-02', '2024-12-23')[0]![0]).toBe(-5);
    expect(excel.WORKDAYS_BETWEEN('', '2025-01-02')[0]![0]).toBe('');
  });
});

describe('Google Sheets dates', () => {
  // A Sheets date cell arrives as midnight in the spreadsheet's zone: build those instants
  // from each zone's offset, not from the process zone.
  it.each([
    ['America/New_York', Date.UTC(2024, 2, 4, 5), Date.UTC(2024, 2, 18, 4)],
    ['Pacific/Kiritimati', Date.UTC(2024, 2, 3, 10), Date.UTC(2024, 2, 17, 10)],
    ['Europe/London', Date.UTC(2024, 2, 4, 0), Date.UTC(2024, 2, 18, 0)],
  ])('reads and writes dates at midnight in %s', (timeZone, monday, twoWeeksOn) => {
    const sheets = sheetFunctions({ dates: 'date', timeZone });
    const out = sheets.WORKDAYS_ADD([[new Date(monday)], [new Date(monday)]], [[10], ['']]);
    expect(out[0]![0]).toBeInstanceOf(Date);
    expect((out[0]![0] as Date).getTime()).toBe(twoWeeksOn);
    expect(out[1]![0]).toBe('');
    expect(sheets.IS_WORKDAY(new Date(monday))).toEqual([[true]]);
  });

  it('reads a London summer date (midnight BST is 23:00 UTC the day before)', () => {
    const sheets = sheetFunctions({ dates: 'date', timeZone: 'Europe/London' });
    const out = sheets.WORKDAYS_ADD(new Date(Date.UTC(2024, 5, 30, 23)), 1)[0]![0] as Date;
    expect(zoneClock('Europe/London').dayOf(out.getTime())).toBe(daysFromCivil(2024, 7, 2));
  });

  it('says so in each date cell when the sheet time zone is unknown', () => {
    const sheets = sheetFunctions({ dates: 'date', timeZone: 'Nowhere/Special' });
    expect(sheets.IS_WORKDAY([[new Date(0)], ['2024-03-04']]).flat()).toEqual([failure('value', /time zone \(Nowhere\/Special\)/), true]);
  });
});

describe('TIMESCALE_DUE', { timeout: 60_000 }, () => {
  it('works out each kind by hand: deadline, first visit, next visit in each phase, before a conference, hours, age', () => {
    const due = (ruleId: string, anchor: string, last: string = '') => iso(excel.TIMESCALE_DUE(ruleId, anchor, last)[0]![0]);
    expect(due('test.assessment.deadline', '2024-03-04')).toBe('2024-03-18');
    expect(due('test.visits.placement', '2024-03-04')).toBe('2024-03-11'); // first within 1 week
    expect(due('test.visits.placement', '2024-03-04', '2024-03-08')).toBe('2024-04-19'); // then 6 weeks
    expect(due('test.visits.placement', '2024-03-04', '2025-03-10')).toBe('2025-06-10'); // after a year, 3 months
    expect(due('test.reports.conference', '2024-03-07')).toBe('2024-03-04'); // 3 working days before Thursday
    expect(due('test.missing.return-interview', '2024-03-04')).toBe('2024-03-07'); // 72 hours as 3 days
    expect(due('test.housing.age', '2008-02-29')).toBe('2024-05-29'); // 16 on 2024-02-29, then 3 months
  });

  it('judges on the as-of date when one is given', () => {
    // Not visited since 2024-03-08: the open instance is still the one due 2024-04-19.
    expect(iso(excel.TIMESCALE_DUE('test.visits.placement', '2024-03-04', '2024-03-08', '2024-06-01')[0]![0])).toBe('2024-04-19');
  });

  it('leaves blank rows blank, and gives #N/A without repeating the cell for an id it does not know', () => {
    const out = excel.TIMESCALE_DUE(column(['test.assessment.deadline', '', 'jane smith', 'constructor', '__proto__', 'TEST.ASSESSMENT.DEADLINE']), column(['2024-03-04', '2024-03-04', '2024-03-04', '2024-03-04', '2024-03-04', '']));
    const unknownRule = failure('not-available', /^This is not a rule id these functions know: TIMESCALE_RULES\(\) lists the rule ids/);
    expect(out.flat()).toEqual([serial('2024-03-18'), '', unknownRule, unknownRule, unknownRule, '']);
    expect(JSON.stringify(out)).not.toMatch(/jane/i);
  });

  it('gives #N/A with the engine\'s reason when there is no due date (school days need term dates)', () => {
    expect(excel.TIMESCALE_DUE('test.pep.school-days', '2024-03-04')[0]![0]).toEqual(failure('not-available', /school term dates/));
  });
});

describe('TIMESCALE_STATUS and TIMESCALE_EXPLAIN', { timeout: 60_000 }, () => {
  it('explains in the engine\'s words, then names every assumption the row made', () => {
    const text = excel.TIMESCALE_EXPLAIN('test.assessment.deadline', '2024-03-04', '', '2024-03-21')[0]![0];
    // Due 2024-03-18 (Mon); 19, 20, 21 are 3 working days late.
    expect(text).toMatch(
      /^Overdue by 3 working days: an assessment must be authorised within 10 working days of the referral \(Test Standards, Section 1\)\. The referral was on 2024-03-04, so an assessment sign-off was due by 2024-03-18; none is recorded up to 2024-03-21\. Alert the team manager\. Read from the row, assuming the anchor date is the referral\.$/,
    );
    expect(excel.TIMESCALE_STATUS('test.assessment.deadline', '2024-03-04', '2024-03-20', '2024-04-01')[0]![0]).toBe('met-late');
  });

  it('reads a phase that waits for an event the row cannot show as not begun, and says so', () => {
    // Last visit 2024-03-08: 6 weeks on is 2024-04-19, overdue on 2024-05-01. Permanence agreed
    // would give 6 months, but a row cannot show it: the shorter interval protects the child.
    const args = ['test.visits.permanence', '2024-03-04', '2024-03-08', '2024-05-01'] as const;
    expect(excel.TIMESCALE_STATUS(...args)[0]![0]).toBe('overdue');
    expect(excel.TIMESCALE_EXPLAIN(...args)[0]![0]).toMatch(/due by 2024-04-19.*assuming .*no review that agreed permanence is shown, so the interval "once permanence is agreed" is not applied/);
  });

  it('is not applicable before a rule came into force', () => {
    expect(excel.TIMESCALE_STATUS('test.reviews.new', '2023-03-01', '', '2023-04-01')[0]![0]).toBe('not-applicable');
    expect(excel.TIMESCALE_EXPLAIN('test.reviews.new', '2023-03-01', '', '2023-04-01')[0]![0]).toMatch(/not in force on 2023-04-01 \(in force from 2023-04-25\)/);
    expect(excel.TIMESCALE_STATUS('test.reviews.new', '2023-03-01', '', '2023-06-01')[0]![0]).toBe('overdue');
  });

  it('ignores a done date after the as-of date, as the engine does', () => {
    expect(excel.TIMESCALE_STATUS('test.assessment.deadline', '2024-03-04', '2024-03-25', '2024-03-20')[0]![0]).toBe('overdue');
  });

  it('gives "" for a blank rule, anchor or as-of date', () => {
    expect(excel.TIMESCALE_STATUS(column(['', 'test.assessment.deadline', 'test.assessment.deadline']), column(['2024-03-04', '', '2024-03-04']), '', column(['2024-04-01', '2024-04-01', 0])).flat()).toEqual(['', '', '']);
  });

  it('answers a column row by row as it answers each row alone', () => {
    const rows = fc.sample(fc.tuple(fc.integer({ min: daysFromCivil(2010, 1, 1), max: daysFromCivil(2035, 1, 1) }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 500 })), { numRuns: 300, seed: 3 });
    const out = excel.TIMESCALE_STATUS('test.visits.placement', rows.map(([a]) => [serialFromDay(a)]), rows.map(([a, gap]) => [serialFromDay(a + gap)]), rows.map(([a, , o]) => [serialFromDay(a + o)]));
    expect(out).toEqual(rows.map(([a, gap, o]) => excel.TIMESCALE_STATUS('test.visits.placement', serialFromDay(a), serialFromDay(a + gap), serialFromDay(a + o))[0]));
  });
});

describe('TIMESCALE_RULES', () => {
  it('lists each rule with the catalogue\'s words for its timescale under a header row', () => {
    const table = excel.TIMESCALE_RULES();
    expect(table[0]).toEqual(['Rule id', 'Title', 'Timescale', 'Rule set', 'Kind']);
    expect(table).toHaveLength(testRules.rules.length + 1);
    expect(table).toContainEqual(['test.reports.conference', 'Report before the conference', expect.stringContaining('3 working days before'), 'sheet-test', 'before-event']);
  });

  it('gives #N/A for a rule set it does not know, listing the ids and never repeating the cell', () => {
    for (const id of ['jane smith', 'constructor', '__proto__', 'toString']) {
      const out = excel.TIMESCALE_RULES(id);
      expect(out).toEqual([[failure('not-available', /^This is not a rule set these functions know: use one of sheet-test, england-statutory/)]]);
      expect(JSON.stringify(out)).not.toContain(id === 'toString' ? 'toString' : id);
    }
  });
});

describe('the shipped rule sets', () => {
  const shipped = sheetFunctions();
  const rules = ruleSetIds.flatMap((id) => getRuleSet(id).rules);

  it('TIMESCALE_RULES lists every shipped rule, and a set with the sets it extends', () => {
    expect(shipped.TIMESCALE_RULES().slice(1).map((r) => r[0])).toEqual(rules.map((r) => r.id));
    const leeds = shipped.TIMESCALE_RULES('LEEDS-2023').slice(1).map((r) => r[3]);
    expect(new Set(leeds)).toEqual(new Set(['england-statutory', 'leeds-2023']));
    expect(leeds).toHaveLength(getRuleSet('england-statutory').rules.length + getRuleSet('leeds-2023').rules.length);
  });
});
