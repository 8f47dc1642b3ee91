/**
 * The spreadsheet functions and the engine agree on every shipped rule: each row's answer is
 * the engine's obligation for the row's snapshot, that obligation really is anchored on the
 * row's date and met by the row's done date, and a duty never vanishes while its anchor is in
 * the row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatIsoDate } from '../../src/calendar/day-number.js';
import { englandAndWales, evaluateRule, getRuleSet, ruleSetIds, type Rule, type RuleSet } from '../../src/index.js';
import { isFailure } from '../../src/sheets/cells.js';
import { sheetFunctions } from '../../src/sheets/functions.js';
import { rowSnapshot, startDay, startTrigger } from '../../src/sheets/row-snapshot.js';

const sheet = sheetFunctions();
const calendar = englandAndWales();
const ROWS_PER_RULE = 40;
const entries: { rule: Rule; set: RuleSet }[] = ruleSetIds.flatMap((id) => getRuleSet(id).rules.map((rule) => ({ rule, set: getRuleSet(id) })));

function inForce(p: { from: string; to?: string | undefined } | undefined, asOf: string): boolean {
  return !p || (p.from <= asOf && (p.to === undefined || asOf <= p.to));
}

describe('TIMESCALE_* and the engine, on generated rows for every shipped rule', () => {
  it.each(entries.map((e) => [e.rule.id, e] as const))('%s', (_, { rule, set }) => {
    const age = 'age' in startTrigger(rule);
    const rows = fc.sample(
      fc.record({
        anchor: age ? fc.integer({ min: daysFromCivil(2002, 1, 1), max: daysFromCivil(2012, 12, 31) }) : fc.integer({ min: daysFromCivil(2022, 1, 1), max: daysFromCivil(2025, 12, 31) }),
        doneAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
        asOfAfter: fc.integer({ min: 0, max: 700 }),
      }),
      { numRuns: ROWS_PER_RULE, seed: 1011 },
    );
    for (const r of rows) {
      const start = startDay(rule, r.anchor, calendar);
      const done = r.doneAfter === undefined ? undefined : start + r.doneAfter;
      const asOf = start + r.asOfAfter;
      const row = [rule.id, formatIsoDate(r.anchor), done === undefined ? '' : formatIsoDate(done), formatIsoDate(asOf)] as const;
      const context = JSON.stringify(row);
      const status = sheet.TIMESCALE_STATUS(...row)[0]![0];
      const explanation = sheet.TIMESCALE_EXPLAIN(...row)[0]![0] as string;
      const due = sheet.TIMESCALE_DUE(row[0], row[1], row[2], row[3])[0]![0];
      expect(isFailure(status), context).toBe(false);

      const obligations = evaluateRule(rowSnapshot(rule, { anchor: r.anchor, done, asOf }).snapshot, rule.id, { ruleSet: set, asOf: row[3] });
      const o = obligations.at(-1);
      if (!inForce(set.inForce, row[3]) || !inForce(rule.inForce, row[3])) {
        expect(o, context).toBeUndefined();
        expect(status, context).toBe('not-applicable');
        continue;
      }
      // The answer is the engine's, word for word (less the row's placeholder case id).
      expect(o, context).toBeDefined();
      expect(status, context).toBe(o!.status);
      expect(explanation.startsWith(o!.explanation.replace(' (case row)', '')), context).toBe(true);
      if (o!.due === null) expect(isFailure(due), context).toBe(true);
      else expect(formatIsoDate(Number(due) - 25_569), context).toBe(o!.due.slice(0, 10));
      // A duty never vanishes while its anchor is in the row.
      expect(o!.status, context).not.toBe('not-applicable');
      if (o!.status === 'unknown') {
        expect(explanation, context).toMatch(/school|term/);
        continue;
      }
      // The clock starts at the row's anchor (the age reached, for an age rule).
      const first = obligations[0]!;
      if (rule.kind !== 'count-in-window') expect(first.anchor?.date, context).toBe(formatIsoDate(start));
      // The row's done date is what meets it.
      if (rule.kind !== 'count-in-window' && (o!.status === 'met' || o!.status === 'met-late')) expect(o!.satisfiedBy?.date, context).toBe(row[2]);
      // (A rule whose start and evidence are the same event, such as reviews every 6 months from a
      // review, may count the start itself on its own day.)
      if (rule.kind === 'recurring' && done !== undefined && done > start && done <= asOf) expect(obligations[0]!.satisfiedBy?.date, context).toBe(row[2]);
    }
  }, 120_000);

  it('names in TIMESCALE_EXPLAIN each thing a row cannot show', { timeout: 60_000 }, () => {
    const explain = (id: string, anchor: string, asOf = '2024-06-03') => sheet.TIMESCALE_EXPLAIN(id, anchor, '', asOf)[0]![0] as string;
    expect(explain('leeds.visits.care-leaver', '2004-03-04')).toMatch(/assuming .*the child is a care leaver/);
    expect(explain('leeds.visits.child-in-need', '2024-03-04')).toMatch(/no end of the child in need plan or closure of the case is shown, so the duty runs on/);
    expect(explain('leeds.assessment.progress-review-20-days', '2024-03-04')).toMatch(/no assessment sign-off ended the duty/);
    expect(sheet.TIMESCALE_EXPLAIN('leeds.assessment.progress-review-20-days', '2024-03-04', '2024-03-28', '2024-06-03')[0]![0]).toMatch(/the done date is that of the 2nd manager progress review, the earlier ones not shown/);
    expect(explain('west-berkshire.meetings-and-plans.advocacy-referral', '2010-03-04')).toMatch(/known to the service .* before the age of 10 years, so the duty starts at that age/);
    expect(explain('west-berkshire.meetings-and-plans.missing-coordinator-notified', '2024-03-04')).toMatch(/anchor fell during a period that starts with the date the child became looked after and no date the child ceased to be looked after has ended it/);
    expect(explain('leeds.visits.looked-after', '2024-03-04')).toMatch(/no variation of the interval has been agreed/);
    expect(explain('leeds.visits.section-47', '2024-03-04')).toMatch(/no exception has been recorded/);
    expect(explain('england-statutory.meetings-and-plans.return-home-interview', '2024-03-04')).toMatch(/hours are counted as whole days/);
  });
});
