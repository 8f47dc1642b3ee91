/**
 * The five disagreements issue 10 found between the old sheet interpreter and the engine on
 * shipped rules. Each was a fact a row cannot show. Now the row functions give the
 * child-protective answer and name the assumption behind it, and EVALUATE, given the case's
 * events, gives the engine's answer.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRule, type CaseSnapshot } from '../../src/index.js';
import { sheetFunctions } from '../../src/sheets/functions.js';
import { isoRows, table } from './event-tables.js';

const sheet = sheetFunctions();
const AS_OF = '2024-04-09';

interface Known {
  readonly name: string;
  readonly ruleSet: string;
  readonly ruleId: string;
  readonly snapshot: CaseSnapshot;
  /** The row a team would keep: anchor date (date of birth for an age rule) and done date. */
  readonly row: readonly [anchor: string, done: string];
  readonly engine: string;
  readonly sheet: string;
  /** Where the statuses agree, the due dates differ. */
  readonly due?: { readonly engine: string; readonly sheet: string };
  readonly assumption: RegExp;
}

const known: Known[] = [
  {
    name: 'a care-leaver visit for a child not recorded as a care leaver',
    ruleSet: 'leeds-2023',
    ruleId: 'leeds.visits.care-leaver',
    snapshot: { caseId: 'k1', child: { dateOfBirth: '2005-01-10' }, events: [] },
    row: ['2005-01-10', ''],
    engine: 'not-applicable',
    sheet: 'overdue',
    assumption: /assuming .*the child is a care leaver/,
  },
  {
    name: 'a child in need plan that ended after a visit',
    ruleSet: 'leeds-2023',
    ruleId: 'leeds.visits.child-in-need',
    snapshot: {
      caseId: 'k2',
      child: { dateOfBirth: '2015-05-01' },
      events: [
        { id: 'p', type: 'child-in-need-plan-started', date: '2024-01-08' },
        { id: 'v', type: 'visit', date: '2024-01-22', mode: 'in-person' },
        { id: 'e', type: 'child-in-need-plan-ended', date: '2024-02-05' },
      ],
    },
    row: ['2024-01-08', '2024-01-22'],
    engine: 'met',
    sheet: 'overdue',
    assumption: /no end of the child in need plan or closure of the case is shown, so the duty runs on/,
  },
  {
    name: "West Berkshire's advocacy referral for a child first known at 12",
    ruleSet: 'west-berkshire',
    ruleId: 'west-berkshire.meetings-and-plans.advocacy-referral',
    snapshot: { caseId: 'k3', child: { dateOfBirth: '2011-06-01' }, events: [{ id: 'r', type: 'referral', date: '2024-04-02' }] },
    row: ['2011-06-01', ''],
    engine: 'overdue',
    sheet: 'overdue',
    due: { engine: '2024-04-02', sheet: '2021-06-01' },
    assumption: /the child was known to the service .* before the age of 10 years, so the duty starts at that age/,
  },
  {
    name: 'the second assessment review with only one held',
    ruleSet: 'leeds-2023',
    ruleId: 'leeds.assessment.progress-review-20-days',
    snapshot: {
      caseId: 'k4',
      child: { dateOfBirth: '2015-05-01' },
      events: [
        { id: 'd', type: 'decision-to-assess', date: '2024-01-08', assessmentId: 'a1' },
        { id: 'r1', type: 'assessment-progress-review', date: '2024-01-19', assessmentId: 'a1' },
      ],
    },
    row: ['2024-01-08', '2024-01-19'],
    engine: 'overdue',
    sheet: 'met',
    assumption: /the done date is that of the 2nd manager progress review, the earlier ones not shown/,
  },
  {
    name: 'a review cancelled by sign-off',
    ruleSet: 'leeds-2023',
    ruleId: 'leeds.assessment.progress-review-10-days',
    snapshot: {
      caseId: 'k5',
      child: { dateOfBirth: '2015-05-01' },
      events: [
        { id: 'd', type: 'decision-to-assess', date: '2024-01-08', assessmentId: 'a1' },
        { id: 's', type: 'assessment-authorised', date: '2024-01-12', assessmentId: 'a1' },
      ],
    },
    row: ['2024-01-08', ''],
    engine: 'not-applicable',
    sheet: 'overdue',
    assumption: /no assessment sign-off ended the duty/,
  },
];

describe('the five disagreements issue 10 lists', { timeout: 60_000 }, () => {
  it.each(known.map((k) => [k.name, k] as const))('%s', (_, k) => {
    // The engine, given the case's events.
    const engine = evaluateRule(k.snapshot, k.ruleId, { ruleSet: k.ruleSet, asOf: AS_OF }).at(-1)!;
    expect(engine.status).toBe(k.engine);
    // EVALUATE over the same events as a table gives the engine's answer.
    const spilled = isoRows(sheet.EVALUATE(table([k.snapshot]), k.ruleSet, AS_OF)).filter((r) => r[1] === k.ruleId);
    expect(spilled.at(-1)![3]).toBe(k.engine);
    // A row cannot show the fact: the functions take the reading that protects the child, and say so.
    const [anchor, done] = k.row;
    expect(sheet.TIMESCALE_STATUS(k.ruleId, anchor, done, AS_OF)[0]![0]).toBe(k.sheet);
    expect(sheet.TIMESCALE_EXPLAIN(k.ruleId, anchor, done, AS_OF)[0]![0]).toMatch(k.assumption);
    if (k.due) {
      expect(engine.due).toBe(k.due.engine);
      expect(sheet.TIMESCALE_EXPLAIN(k.ruleId, anchor, done, AS_OF)[0]![0]).toMatch(new RegExp(`due by ${k.due.sheet}`));
    }
  });
});
