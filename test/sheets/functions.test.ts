import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatIsoDate, parseIsoDate } from '../../src/calendar/day-number.js';
import { englandAndWales, evaluate, getRuleSet, ruleSetIds } from '../../src/index.js';
import { dayFromSerial, serialFromDay } from '../../src/sheets/cells.js';
import { dueFromAnchor, sheetFunctions, statusFromDates } from '../../src/sheets/index.js';
import { zoneClock } from '../../src/sheets/time-zone.js';
import { testRules } from './fixture-rules.js';

const excel = sheetFunctions({ ruleSets: [testRules] });
const calendar = englandAndWales();
const serial = (iso: string) => serialFromDay(parseIsoDate(iso));
const iso = (s: unknown) => formatIsoDate(dayFromSerial(s as number));
const column = (values: readonly unknown[]) => values.map((v) => [v]);

const FIRST = daysFromCivil(2000, 1, 1);
const LAST = daysFromCivil(2040, 12, 31);

describe('WORKDAYS_ADD', () => {
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
    expected[30] = [expect.stringMatching(/^Error: .*YYYY-MM-DD/)];
    expected[40] = [expect.stringMatching(/^Error: .*whole number/)];
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
    expect(uneven[2]![0]).toMatch(/^Error: the ranges in this formula are different sizes/);
  });

  it('skips closure days given as serials, text or blanks, and reports a bad closure list in every cell', () => {
    const closures = column([serial('2024-12-24'), '', '2024-12-27']);
    expect(iso(excel.WORKDAYS_ADD('2024-12-23', 2, closures)[0]![0])).toBe('2024-12-31');
    const bad = excel.WORKDAYS_ADD(column(['2024-12-23', '2024-12-30']), 1, column(['2024-12-24', 'Boxing Day']));
    expect(bad.flat()).toEqual([expect.stringMatching(/^Error: Closure day 2: /), expect.stringMatching(/^Error: Closure day 2: /)]);
  });

  it('says when an answer falls outside the calendar (2000 to 2040)', () => {
    expect(excel.WORKDAYS_ADD(serial('2040-12-28'), 10)[0]![0]).toMatch(/^Error: .*outside the dates this calendar covers \(2000-01-01 to 2040-12-31/);
    expect(excel.WORKDAYS_ADD(5, 1)[0]![0]).toMatch(/^Error: .*outside/);
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
    expect(sheets.IS_WORKDAY([[new Date(0)], ['2024-03-04']]).flat()).toEqual([expect.stringMatching(/time zone \(Nowhere\/Special\)/), true]);
  });
});

/** A case snapshot for the engine with the anchor and done events of one rule. */
function engineStatus(ruleId: string, anchor: string, done: string | undefined, asOf: string, permanenceAgreed = false): { status: string; due: string | null } {
  const events: Record<string, unknown>[] = [];
  let dateOfBirth = '2005-01-01';
  switch (ruleId) {
    case 'test.assessment.deadline':
      events.push({ type: 'referral', id: 'r1', date: anchor });
      if (done) events.push({ type: 'assessment-authorised', id: 'a1', date: done });
      break;
    case 'test.visits.placement':
    case 'test.visits.permanence':
    case 'test.visits.week-after':
      events.push({ type: 'placement-started', id: 'p1', date: anchor, placementId: 'P1', kind: 'foster' });
      if (done) events.push({ type: 'visit', id: 'v1', date: done, mode: 'in-person', placementId: 'P1' });
      if (permanenceAgreed) events.push({ type: 'permanence-agreed', id: 'pa1', date: anchor, placementId: 'P1' });
      break;
    case 'test.reports.conference':
      events.push({ type: 'initial-child-protection-conference', id: 'c1', date: anchor });
      if (done) events.push({ type: 'report-shared', id: 's1', date: done, forEventId: 'c1' });
      break;
    case 'test.missing.return-interview':
      events.push({ type: 'missing-episode-ended', id: 'm1', date: anchor, episodeId: 'E1' });
      if (done) events.push({ type: 'return-interview', id: 'i1', date: done, episodeId: 'E1' });
      break;
    case 'test.housing.age':
      dateOfBirth = anchor;
      if (done) events.push({ type: 'housing-plan', id: 'h1', date: done });
      break;
    case 'test.recording.chronology':
      events.push({ type: 'assessment-started', id: 's1', date: anchor });
      if (done) events.push({ type: 'chronology-updated', id: 'c1', date: done });
      break;
  }
  const report = evaluate({ caseId: 'case-1', child: { dateOfBirth }, events }, { ruleSet: testRules, asOf });
  const last = report.obligations.filter((o) => o.ruleId === ruleId).at(-1)!;
  return { status: last.status, due: last.due };
}

const RULES_WITH_DONE_AFTER_ANCHOR = ['test.assessment.deadline', 'test.visits.placement', 'test.missing.return-interview', 'test.recording.chronology'];

describe('TIMESCALE_DUE and TIMESCALE_STATUS agree with the engine', () => {
  const dates = (minDone: number) =>
    fc
      .tuple(fc.integer({ min: daysFromCivil(2010, 1, 1), max: daysFromCivil(2030, 12, 31) }), fc.integer({ min: 0, max: 500 }), fc.option(fc.double({ min: 0, max: 1, noNaN: true })))
      .map(([anchor, span, doneAt]) => {
        const asOf = anchor + span;
        const done = doneAt === null ? undefined : Math.min(asOf, anchor + minDone + Math.floor(doneAt * (span - minDone + 1)));
        return { anchor: formatIsoDate(anchor), asOf: formatIsoDate(asOf), done: done === undefined || done < anchor + minDone ? undefined : formatIsoDate(done) };
      });

  it.each(RULES_WITH_DONE_AFTER_ANCHOR)('%s', (ruleId) => {
    fc.assert(
      fc.property(dates(0), ({ anchor, asOf, done }) => {
        const expected = engineStatus(ruleId, anchor, done, asOf);
        expect(excel.TIMESCALE_STATUS(ruleId, anchor, done ?? '', asOf)[0]![0]).toBe(expected.status);
        const lastDone = ruleId === 'test.visits.placement' ? (done ?? '') : '';
        if (ruleId !== 'test.recording.chronology' || !done) expect(iso(excel.TIMESCALE_DUE(ruleId, anchor, lastDone)[0]![0])).toBe(expected.due);
      }),
      { numRuns: 150 },
    );
  });

  it('test.visits.permanence: the engine\'s answer when it does not turn on permanence, else unknown', () => {
    fc.assert(
      fc.property(dates(0), ({ anchor, asOf, done }) => {
        const without = engineStatus('test.visits.permanence', anchor, done, asOf);
        const withPermanence = engineStatus('test.visits.permanence', anchor, done, asOf, true);
        const sheet = excel.TIMESCALE_STATUS('test.visits.permanence', anchor, done ?? '', asOf)[0]![0];
        expect(sheet).toBe(without.status === withPermanence.status ? without.status : 'unknown');
      }),
      { numRuns: 150 },
    );
  });

  it('test.visits.week-after (a visit on the day of placement does not count)', () => {
    fc.assert(
      fc.property(dates(1), ({ anchor, asOf, done }) => {
        const expected = engineStatus('test.visits.week-after', anchor, done, asOf);
        expect(excel.TIMESCALE_STATUS('test.visits.week-after', anchor, done ?? '', asOf)[0]![0]).toBe(expected.status);
      }),
      { numRuns: 100 },
    );
    expect(excel.TIMESCALE_STATUS('test.visits.week-after', '2024-03-04', '2024-03-04', '2024-03-20')[0]![0]).toMatch(/^Error: .*must be after the start of the placement/);
  });

  it('test.reports.conference (a report may come any time before the conference)', () => {
    fc.assert(
      fc.property(dates(0), fc.integer({ min: 0, max: 30 }), ({ anchor, asOf, done }, early) => {
        const shared = done === undefined ? undefined : formatIsoDate(parseIsoDate(done) - early);
        const expected = engineStatus('test.reports.conference', anchor, shared, asOf);
        expect(excel.TIMESCALE_STATUS('test.reports.conference', anchor, shared ?? '', asOf)[0]![0]).toBe(expected.status);
        expect(iso(excel.TIMESCALE_DUE('test.reports.conference', anchor)[0]![0])).toBe(expected.due);
      }),
      { numRuns: 100 },
    );
  });

  it('test.housing.age (the anchor date is the date of birth)', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(2000, 1, 1), max: daysFromCivil(2010, 12, 31) }), fc.integer({ min: 5000, max: 7000 }), fc.option(fc.integer({ min: 4000, max: 7000 })), (birth, age, planned) => {
        const asOf = formatIsoDate(birth + age);
        const done = planned === null || planned > age ? undefined : formatIsoDate(birth + planned);
        const expected = engineStatus('test.housing.age', formatIsoDate(birth), done, asOf);
        expect(excel.TIMESCALE_STATUS('test.housing.age', formatIsoDate(birth), done ?? '', asOf)[0]![0]).toBe(expected.status);
        expect(iso(excel.TIMESCALE_DUE('test.housing.age', formatIsoDate(birth))[0]![0])).toBe(expected.due);
      }),
      { numRuns: 100 },
    );
  });

  it('ignores a done date after the as-of date, as the engine does, and says so', () => {
    const expected = engineStatus('test.assessment.deadline', '2024-03-04', '2024-03-25', '2024-03-20');
    expect(expected.status).toBe('overdue');
    expect(excel.TIMESCALE_STATUS('test.assessment.deadline', '2024-03-04', '2024-03-25', '2024-03-20')[0]![0]).toBe('overdue');
    expect(excel.TIMESCALE_EXPLAIN('test.assessment.deadline', '2024-03-04', '2024-03-25', '2024-03-20')[0]![0]).toMatch(/after 2024-03-20, so it is not counted/);
  });
});

describe('TIMESCALE_DUE', () => {
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

  it('leaves blank rows blank and gives a readable error for each bad row', () => {
    const out = excel.TIMESCALE_DUE(column(['test.assessment.deadline', '', 'no.such-rule', 'test.visits.count', 'test.pep.school-days', 'TEST.ASSESSMENT.DEADLINE']), column(['2024-03-04', '2024-03-04', '2024-03-04', '2024-03-04', '2024-03-04', '']));
    expect(out.flat()).toEqual([
      serial('2024-03-18'),
      '',
      expect.stringMatching(/^Error: There is no rule "no.such-rule" in the rule sets sheet-test; TIMESCALE_RULES\(\) lists/),
      expect.stringMatching(/^Error: test.visits.count counts events in each window/),
      expect.stringMatching(/^Error: This rule counts school days/),
      '',
    ]);
    expect(excel.TIMESCALE_DUE('test.visits.placement', '2024-03-04', '2024-03-01')[0]![0]).toMatch(/^Error: The last visit is before the start of the placement/);
  });

  it('gives the core answer for 10,000 rows', () => {
    const rows = fc.sample(fc.tuple(fc.integer({ min: daysFromCivil(2005, 1, 1), max: daysFromCivil(2035, 1, 1) }), fc.integer({ min: 0, max: 900 })), { numRuns: 10_000, seed: 3 });
    const anchors = rows.map(([a]) => [serialFromDay(a)]);
    const last = rows.map(([a, gap]) => [serialFromDay(a + gap)]);
    const out = excel.TIMESCALE_DUE('test.visits.placement', anchors, last);
    const expected = rows.map(([a, gap]) => [serial(dueFromAnchor('test.visits.placement', formatIsoDate(a), { ruleSet: testRules, lastDone: formatIsoDate(a + gap) }).due)]);
    expect(out).toEqual(expected);
  });
});

describe('TIMESCALE_STATUS and TIMESCALE_EXPLAIN', () => {
  it('explains with the due date, lateness, citation and escalation', () => {
    const text = excel.TIMESCALE_EXPLAIN('test.assessment.deadline', '2024-03-04', '', '2024-03-21')[0]![0];
    // Due 2024-03-18 (Mon); 19, 20, 21 are 3 working days late.
    expect(text).toBe(
      'Overdue by 3 working days: an assessment must be authorised within 10 working days of the referral (Test Standards, Section 1). ' +
        'The referral was on 2024-03-04, so an assessment sign-off was due by 2024-03-18; none is recorded up to 2024-03-21. Alert the team manager.',
    );
    expect(excel.TIMESCALE_EXPLAIN('test.visits.placement', '2024-03-04', '2024-03-08', '2024-03-20')[0]![0]).toMatch(
      /^Due by 2024-04-19: .*\(Test Standards, Section 1\)\. Counted from the last visit on 2024-03-08\.$/,
    );
  });

  it('is unknown, never a breach, when a phase the sheet cannot see would change the answer', () => {
    // Last visit 2024-03-08: due by 2024-04-19 at 6 weeks (overdue on 2024-05-01), or by
    // 2024-09-08 at 6 months if permanence was agreed by then (only the case record shows).
    const args = ['test.visits.permanence', '2024-03-04', '2024-03-08', '2024-05-01'] as const;
    expect(excel.TIMESCALE_STATUS(...args)[0]![0]).toBe('unknown');
    expect(excel.TIMESCALE_EXPLAIN(...args)[0]![0]).toMatch(
      /^Cannot be worked out from the sheet: .* Counted from the last visit on 2024-03-08, it is overdue \(due by 2024-04-19\), but phases that depend on events only the case record shows would give due by 2024-09-08 \(every 6 months \(once permanence is agreed\)\)\.$/,
    );
    // On 2024-04-10 it is due either way, and the explanation gives both dates.
    expect(excel.TIMESCALE_STATUS('test.visits.permanence', '2024-03-04', '2024-03-08', '2024-04-10')[0]![0]).toBe('due');
    expect(excel.TIMESCALE_EXPLAIN('test.visits.permanence', '2024-03-04', '2024-03-08', '2024-04-10')[0]![0]).toMatch(/would give due by 2024-09-08 .*, with the same status\.$/);
    // TIMESCALE_DUE gives the date under the phases the sheet can see: the earlier one here.
    expect(iso(excel.TIMESCALE_DUE('test.visits.permanence', '2024-03-04', '2024-03-08')[0]![0])).toBe('2024-04-19');
  });

  it('is not applicable before a rule came into force', () => {
    expect(excel.TIMESCALE_STATUS('test.reviews.new', '2023-03-01', '', '2023-04-01')[0]![0]).toBe('not-applicable');
    expect(excel.TIMESCALE_EXPLAIN('test.reviews.new', '2023-03-01', '', '2023-04-01')[0]![0]).toMatch(/not in force on 2023-04-01 \(in force from 2023-04-25\)/);
    expect(excel.TIMESCALE_STATUS('test.reviews.new', '2023-03-01', '', '2023-06-01')[0]![0]).toBe('overdue');
  });

  it('gives "" for a blank rule, anchor or as-of date, and an error for a done date before the anchor', () => {
    expect(excel.TIMESCALE_STATUS(column(['', 'test.assessment.deadline', 'test.assessment.deadline']), column(['2024-03-04', '', '2024-03-04']), '', column(['2024-04-01', '2024-04-01', 0])).flat()).toEqual(['', '', '']);
    expect(excel.TIMESCALE_STATUS('test.assessment.deadline', '2024-03-04', '2024-03-01', '2024-04-01')[0]![0]).toMatch(/^Error: The assessment sign-off date must be on or after the referral/);
  });

  it('is reachable as a library call with ISO dates', () => {
    const s = statusFromDates('test.assessment.deadline', { anchorDate: '2024-03-04', doneDate: '2024-03-20', asOf: '2024-04-01' }, { ruleSet: testRules });
    expect(s).toMatchObject({ status: 'met-late', due: '2024-03-18', lateness: { workingDays: 2, calendarDays: 2 } });
  });
});

describe('TIMESCALE_RULES', () => {
  it('lists each rule with its timescale in words under a header row', () => {
    const table = excel.TIMESCALE_RULES();
    expect(table[0]).toEqual(['Rule id', 'Title', 'Timescale', 'Rule set', 'Kind']);
    expect(table).toHaveLength(testRules.rules.length + 1);
    expect(table).toContainEqual(['test.reports.conference', 'Report before the conference', '3 working days before the initial child protection conference', 'sheet-test', 'before-event']);
    expect(table.find((r) => r[0] === 'test.visits.placement')![2]).toBe('every 6 weeks from the start of the placement (the first within 1 week); every 3 months after 1 year');
    expect(table.find((r) => r[0] === 'test.visits.permanence')![2]).toBe('every 6 weeks from the start of the placement; every 6 months (once permanence is agreed)');
  });

  it('names an unknown rule set in one error cell', () => {
    expect(excel.TIMESCALE_RULES('nowhere')).toEqual([[expect.stringMatching(/^Error: There is no rule set "nowhere"/)]]);
  });
});

describe('the shipped rule sets', () => {
  const shipped = sheetFunctions();
  const rules = ruleSetIds.flatMap((id) => getRuleSet(id).rules);

  it('TIMESCALE_RULES lists every shipped rule, and a set with the sets it extends', () => {
    expect(shipped.TIMESCALE_RULES().slice(1).map((r) => r[0])).toEqual(rules.map((r) => r.id));
    const leeds = shipped.TIMESCALE_RULES('leeds-2023').slice(1).map((r) => r[3]);
    expect(new Set(leeds)).toEqual(new Set([...getRuleSet('england-statutory').rules.map(() => 'england-statutory'), ...getRuleSet('leeds-2023').rules.map(() => 'leeds-2023')]));
  });

  it('every shipped rule gives a due date or a readable reason, never an unexpected error', () => {
    for (const rule of rules) {
      const [due] = shipped.TIMESCALE_DUE(rule.id, '2024-03-04', '2024-04-02')[0]!;
      const [status] = shipped.TIMESCALE_STATUS(rule.id, '2024-03-04', '', '2024-06-01')[0]!;
      expect(String(due)).not.toMatch(/unexpected problem/);
      expect(String(status)).not.toMatch(/unexpected problem/);
      if (rule.kind === 'count-in-window') expect(due).toMatch(/^Error: /);
    }
  });
});
