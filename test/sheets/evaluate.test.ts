import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/calendar/day-number.js';
import { generateCaseload, type CaseSnapshot } from '../../src/index.js';
import { CellFailure, isFailure, serialFromDay } from '../../src/sheets/cells.js';
import { EVALUATE_HEADER } from '../../src/sheets/evaluate-table.js';
import { AS_OF, engineRows, isoRows, table } from './event-tables.js';
import { sheetFunctions } from '../../src/sheets/functions.js';

const excel = sheetFunctions();

const example = readFileSync(new URL('../../examples/caseload.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as CaseSnapshot);

// Generous timeouts: a shared 2-core CI machine may run several suites at once.
describe('EVALUATE', { timeout: 60_000 }, () => {
  it.each(['leeds-2023', 'west-berkshire'])('gives the engine\'s obligations for the example caseload under %s, one row each, under a header', (ruleSet) => {
    const out = excel.EVALUATE(table(example), ruleSet, serialFromDay(parseIsoDate(AS_OF)));
    expect(out[0]).toEqual([...EVALUATE_HEADER]);
    expect(isoRows(out)).toEqual(engineRows(example, ruleSet));
  });

  it('gives the engine\'s obligations for a generated caseload (variations and school terms, which a table cannot hold, left out)', () => {
    const snapshots = [...generateCaseload({ cases: 40, seed: 11 })].filter((s) => 'caseId' in s).map((s) => {
      const { variations: _v, schoolTerms: _t, ...rest } = s as CaseSnapshot;
      return rest as CaseSnapshot;
    });
    const out = excel.EVALUATE(table(snapshots), 'leeds-2023', AS_OF);
    expect(out.length - 1).toBeGreaterThan(snapshots.length);
    expect(isoRows(out)).toEqual(engineRows(snapshots, 'leeds-2023'));
  });

  it('gives a case that cannot be read one row naming rows and fields, never values, and leaves the other cases alone', () => {
    const rows = table(example.slice(0, 3));
    const secondCaseFirstRow = rows.findIndex((r) => r[0] === example[1]!.caseId);
    const dateColumn = (rows[0] as string[]).indexOf('date');
    rows[secondCaseFirstRow]![dateColumn] = 'Jane Smith 4/3/24';
    rows.splice(2, 0, ['', '', '', '', '', '', 'referral', '2024-01-01']);
    const out = excel.EVALUATE(rows, 'leeds-2023', AS_OF);
    const broken = out.filter((r) => r[0] === example[1]!.caseId);
    expect(broken).toEqual([[example[1]!.caseId, '', '', expect.any(CellFailure), '', '', expect.stringMatching(new RegExp(`row ${secondCaseFirstRow + 2} of the range, date: The date is text that is not a date`))]]);
    expect(JSON.stringify(out)).not.toMatch(/Jane/);
    // The row without a case id belongs to the first case, which is reported rather than evaluated with a missing event.
    expect(out.filter((r) => r[0] === example[0]!.caseId)).toEqual([[example[0]!.caseId, '', '', expect.any(CellFailure), '', '', expect.stringMatching(/row 3 of the range, caseId: This row has no caseId/)]]);
    expect(isoRows(out).filter((r) => r[0] === example[2]!.caseId)).toEqual(engineRows([example[2]!], 'leeds-2023'));
  });

  it('refuses a header it cannot read, a rule set or as-of date it does not know, in one cell and without echoing', () => {
    const bad = excel.EVALUATE([['caseId', 'Jane Smith'], ['c1', 'x']], 'leeds-2023', AS_OF);
    expect(bad).toEqual([[expect.objectContaining({ kind: 'value', message: expect.stringMatching(/column 2 is not a snapshot column/) })]]);
    expect(JSON.stringify(bad)).not.toMatch(/Jane/);
    expect(excel.EVALUATE(table(example), '__proto__', AS_OF)).toEqual([[expect.objectContaining({ kind: 'not-available' })]]);
    expect(isFailure(excel.EVALUATE(table(example), 'leeds-2023', '')[0]![0])).toBe(true);
    expect(isFailure(excel.EVALUATE('', 'leeds-2023', AS_OF)[0]![0])).toBe(true);
  });
});

describe('EVALUATE with only', { timeout: 60_000 }, () => {
  it('keeps the statuses asked for, as the command line\'s --only does, and refuses other words without echoing them', () => {
    const all = isoRows(excel.EVALUATE(table(example), 'leeds-2023', AS_OF));
    const breaches = excel.EVALUATE(table(example), 'leeds-2023', AS_OF, 'Breaches');
    expect(breaches[0]).toEqual([...EVALUATE_HEADER]);
    expect(isoRows(breaches)).toEqual(all.filter((r) => r[3] === 'overdue' || r[3] === 'met-late'));
    expect(isoRows(excel.EVALUATE(table(example), 'leeds-2023', AS_OF, 'overdue, due'))).toEqual(all.filter((r) => r[3] === 'overdue' || r[3] === 'due'));
    expect(breaches.length).toBeGreaterThan(1);
    const bad = excel.EVALUATE(table(example), 'leeds-2023', AS_OF, 'jane smith');
    expect(bad).toEqual([[expect.objectContaining({ kind: 'value', message: expect.stringMatching(/^The statuses to show are breaches, all, or a comma-separated list of: overdue/) })]]);
    expect(JSON.stringify(bad)).not.toMatch(/jane/);
  });
});
