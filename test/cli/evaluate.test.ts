import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES, CASES_CSV, CASES_JSONL } from './fixtures/caseload.js';
import { cli, flatten, jsonLines, RULES_FILE, tempFiles } from './support/cli.js';

const BASE = ['--rules-file', RULES_FILE, '--as-of', '2024-04-09'];
const FULL = [...BASE, '--detail', 'full'];
/** Each obligation written, compact or full, as one object. */
const obligations = (stdout: string) => flatten(jsonLines(stdout));
const files = tempFiles({
  'cases.jsonl': CASES_JSONL,
  'cases.json': JSON.stringify(CASES, null, 2),
  'cases.csv': CASES_CSV,
  'one.json': JSON.stringify(CASES[2]),
});
afterAll(() => files.remove());

type Row = Record<string, unknown>;
const key = (r: Row) => `${String(r.caseId)} ${String(r.ruleId)} #${String(r.instance)}`;

// Worked out by hand in fixtures/caseload.ts.
const EXPECTED: Readonly<Record<string, { status: string; due: string | null }>> = {
  'A test.assessment.within-45wd #0': { status: 'met', due: '2024-03-11' },
  'B test.assessment.within-45wd #0': { status: 'met-late', due: '2024-03-18' },
  'C test.assessment.within-45wd #0': { status: 'overdue', due: '2024-04-08' },
  'D test.assessment.within-45wd #0': { status: 'due', due: '2024-05-08' },
  'E test.visits.child-in-need #0': { status: 'met', due: '2024-02-05' },
  'E test.visits.child-in-need #1': { status: 'met-late', due: '2024-02-29' },
  'E test.visits.child-in-need #2': { status: 'overdue', due: '2024-04-02' },
};

describe('evaluate', () => {
  it('writes one compact row per case: obligations that apply, counts by status, rules cited by id in rule rows before them', async () => {
    const r = await cli(['evaluate', files.path('cases.jsonl'), ...BASE]);
    expect(r.code).toBe(0);
    const rows = jsonLines(r.stdout);
    expect(rows.map((x) => (x.row === 'case' ? String(x.caseId) : String(x.row)))).toEqual(['rule', 'A', 'B', 'C', 'D', 'rule', 'E']);
    const list = obligations(r.stdout);
    expect(Object.fromEntries(list.map((x) => [key(x), { status: x.status, due: x.due }]))).toEqual(EXPECTED);
    // The rule that does not concern a case is counted, not listed.
    for (const row of rows.filter((x) => x.row === 'case')) expect((row.counts as Record<string, number>)['not-applicable']).toBe(1);
    const e = rows.find((x) => x.caseId === 'E')!;
    expect(e).toMatchObject({ team: 'east', worker: 'w1', counts: { met: 1, 'met-late': 1, overdue: 1, due: 0, 'not-applicable': 1 } });
    const e2 = list.find((x) => key(x) === 'E test.visits.child-in-need #2')!;
    expect(e2).toMatchObject({ escalateTo: 'team-manager', lateWorkingDays: 5, lateCalendarDays: 7 });
    expect(e2).not.toHaveProperty('satisfiedOn');
    expect(e2.explanation).toMatch(/^Overdue by 5 working days \(case E\)/);
    // A met obligation's dates say what its sentence would; the sentence is in --detail full.
    const e0 = list.find((x) => key(x) === 'E test.visits.child-in-need #0')!;
    expect(e0).toEqual({ row: 'obligation', caseId: 'E', team: 'east', worker: 'w1', ruleId: 'test.visits.child-in-need', instance: 0, status: 'met', due: '2024-02-05', satisfiedOn: '2024-02-01' });
    // Each rule's citation once, with the verbatim quote, before the first case citing it.
    const rules = rows.filter((x) => x.row === 'rule');
    expect(rules.map((x) => x.ruleId)).toEqual(['test.assessment.within-45wd', 'test.visits.child-in-need']);
    expect(rules[1]).toMatchObject({ ruleSet: 'cli-test', title: expect.any(String), cite: { document: 'Test standard', section: '2.3', quote: expect.stringMatching(/./) } });
    expect(r.stderr).toBe('5 read, 5 evaluated, 0 rejected\n');
  });

  it('writes every obligation, not-applicable ones too, as a JSON line with --detail full', async () => {
    const r = await cli(['evaluate', files.path('cases.jsonl'), ...FULL]);
    expect(r.code).toBe(0);
    const rows = jsonLines(r.stdout);
    const applicable = rows.filter((x) => x.status !== 'not-applicable');
    expect(Object.fromEntries(applicable.map((x) => [key(x), { status: x.status, due: x.due }]))).toEqual(EXPECTED);
    // Each case has one not-applicable obligation for the rule that does not concern it.
    expect(rows.filter((x) => x.status === 'not-applicable').map((x) => x.caseId)).toEqual(['A', 'B', 'C', 'D', 'E']);
    const e2 = rows.find((x) => key(x) === 'E test.visits.child-in-need #2')!;
    expect(e2).toMatchObject({ row: 'obligation', team: 'east', worker: 'w1', escalateTo: 'team-manager', lateness: { workingDays: 5, calendarDays: 7 }, cite: { document: 'Test standard', section: '2.3' } });
    expect(e2).not.toHaveProperty('trace');
    expect(r.stderr).toBe('5 read, 5 evaluated, 0 rejected\n');
    // The compact rows hold the same obligations, field for field where they share a field.
    const compact = obligations((await cli(['evaluate', files.path('cases.jsonl'), ...BASE])).stdout);
    expect(compact.map((x) => ({ key: key(x), due: x.due, late: x.lateWorkingDays ?? null, explanation: x.explanation ?? null }))).toEqual(
      applicable.map((x) => ({ key: key(x), due: x.due, late: (x.lateness as { workingDays: number } | null)?.workingDays ?? null, explanation: ['overdue', 'due'].includes(String(x.status)) ? x.explanation : null })),
    );
  });

  it('adds the working and the verbatim quote with --trace', async () => {
    const r = await cli(['evaluate', files.path('cases.jsonl'), ...BASE, '--trace', '--only', 'overdue']);
    const rows = jsonLines(r.stdout);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(Array.isArray(row.trace)).toBe(true);
      expect((row.cite as { quote: string }).quote.length).toBeGreaterThan(0);
    }
  });

  it('reads a JSON array, a single JSON snapshot, JSON Lines, CSV and stdin to the same obligations', async () => {
    const jsonl = (await cli(['evaluate', files.path('cases.jsonl'), ...BASE])).stdout;
    expect((await cli(['evaluate', files.path('cases.json'), ...BASE])).stdout).toBe(jsonl);
    expect((await cli(['evaluate', files.path('cases.csv'), ...BASE])).stdout).toBe(jsonl);
    expect((await cli(['evaluate', '-', ...BASE], { stdin: CASES_JSONL })).stdout).toBe(jsonl);
    expect((await cli(['evaluate', '-', ...BASE], { stdin: CASES_CSV })).stdout).toBe(jsonl);
    // As Excel saves it: a byte order mark before the header.
    expect((await cli(['evaluate', '-', ...BASE], { stdin: `\uFEFF${CASES_CSV}` })).stdout).toBe(jsonl);
    expect((await cli(['evaluate', '-', ...BASE], { stdin: JSON.stringify(CASES, null, 2) })).stdout).toBe(jsonl);
    const one = jsonLines((await cli(['evaluate', files.path('one.json'), ...FULL])).stdout);
    expect(one.map((x) => x.caseId)).toEqual(['C', 'C']);
  });

  it('--only breaches keeps the overdue and the met late', async () => {
    const r = await cli(['evaluate', files.path('cases.jsonl'), ...BASE, '--only', 'breaches']);
    expect(obligations(r.stdout).map(key).sort()).toEqual([
      'B test.assessment.within-45wd #0',
      'C test.assessment.within-45wd #0',
      'E test.visits.child-in-need #1',
      'E test.visits.child-in-need #2',
    ]);
  });

  it('--due-within is the forward planner: due obligations falling due by as-of plus the duration', async () => {
    // D is due on 2024-05-08. Ten working days after 2024-04-09 is 2024-04-23; three months is 2024-07-09.
    const soon = await cli(['evaluate', files.path('cases.jsonl'), ...BASE, '--due-within', '10wd']);
    expect(soon.stdout).toBe('');
    const later = await cli(['evaluate', files.path('cases.jsonl'), ...BASE, '--due-within', '3m']);
    expect(obligations(later.stdout).map(key)).toEqual(['D test.assessment.within-45wd #0']);
    // 20 working days after 2024-04-09 is 2024-05-08 itself (6 May is a bank holiday): included.
    const edge = await cli(['evaluate', files.path('cases.jsonl'), ...BASE, '--due-within', '20wd']);
    expect(obligations(edge.stdout).map(key)).toEqual(['D test.assessment.within-45wd #0']);
    const edgeMinusOne = await cli(['evaluate', files.path('cases.jsonl'), ...BASE, '--due-within', '19wd']);
    expect(edgeMinusOne.stdout).toBe('');
    const withBreaches = await cli(['evaluate', files.path('cases.jsonl'), ...BASE, '--due-within', '2w', '--only', 'breaches,due']);
    expect(obligations(withBreaches.stdout)).toHaveLength(4);
  });

  it('writes a text report a team manager can read, breaches first, longest overdue first', async () => {
    const r = await cli(['evaluate', files.path('cases.jsonl'), ...BASE, '--only', 'breaches', '--format', 'text']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out.split('\n')[0]).toBe('Obligations as of 2024-04-09 under cli-test (Command line test rules): breaches.');
    expect(out).toContain('Case C · team west · worker w3\n  OVERDUE   due 2024-04-08  overdue by 1 working day  Assessment within 45 working days');
    const e = out.slice(out.indexOf('Case E'));
    expect(e.indexOf('OVERDUE')).toBeLessThan(e.indexOf('MET LATE'));
    expect(out).toContain('Alert the team manager.');
    expect(out).not.toContain('Case A');
    expect(out.trimEnd().split('\n').at(-1)).toBe('4 obligations shown for 3 cases of 5 evaluated.');
    expect(r.stderr).toBe('5 read, 5 evaluated, 0 rejected\n');
  });

  it('writes CSV with ISO dates, one header, and a byte order mark only when asked', async () => {
    const r = await cli(['evaluate', files.path('cases.jsonl'), ...BASE, '--format', 'csv']);
    expect(r.stdout.charCodeAt(0)).not.toBe(0xfeff);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    // Not-applicable obligations are counted, not listed, unless --only or --detail full asks.
    expect(rows).toHaveLength(7);
    expect(parse((await cli(['evaluate', files.path('cases.jsonl'), ...FULL, '--format', 'csv'])).stdout, { columns: true })).toHaveLength(12);
    expect(parse((await cli(['evaluate', files.path('cases.jsonl'), ...BASE, '--format', 'csv', '--only', 'all'])).stdout, { columns: true })).toHaveLength(12);
    const c = rows.find((x) => x.caseId === 'C' && x.status === 'overdue')!;
    expect(c).toMatchObject({ row: 'obligation', team: 'west', due: '2024-04-08', anchorDate: '2024-02-01', lateWorkingDays: '1', lateCalendarDays: '1', citeSection: '1.1', provisional: 'false' });
    const bom = await cli(['evaluate', files.path('cases.jsonl'), ...BASE, '--format', 'csv', '--bom']);
    expect(bom.stdout.charCodeAt(0)).toBe(0xfeff);
    expect(bom.stdout.slice(1)).toBe(r.stdout);
  });

  it('escapes cells that a spreadsheet would run as formulas', async () => {
    const risky = ['=HYPERLINK("http://example.invalid")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];
    const cases = risky.map((id, i) => ({ caseId: id, team: i === 0 ? '=1+1' : 'north', child: { dateOfBirth: '2015-01-01' }, events: [{ id: `=e${i}`, type: 'referral', date: '2024-03-01' }] }));
    const r = await cli(['evaluate', '-', ...BASE, '--format', 'csv', '--only', 'due'], { stdin: cases.map((c) => JSON.stringify(c)).join('\n') });
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x.caseId)).toEqual(risky.map((id) => `'${id}`));
    expect(rows[0]!.team).toBe("'=1+1");
    expect(rows.map((x) => x.anchorEventId)).toEqual(risky.map((_, i) => `'=e${i}`));
    // Dates and numbers are left alone.
    expect(rows[0]!.due).toBe('2024-05-08');
    // The same ids are plain data in JSON Lines.
    const j = await cli(['evaluate', '-', ...BASE, '--only', 'due'], { stdin: cases.map((c) => JSON.stringify(c)).join('\n') });
    expect(obligations(j.stdout).map((x) => x.caseId)).toEqual(risky);
  });

  it('refuses a missing --as-of, a bad date, an unknown rule set and a bad --due-within, with exit code 2', async () => {
    const file = files.path('cases.jsonl');
    const cases: [string[], RegExp][] = [
      [['evaluate', file, '--rules', 'leeds-2023'], /--as-of is required/],
      [['evaluate', file, '--rules', 'leeds-2023', '--as-of', '09/04/2024'], /--as-of must be a date that exists, written YYYY-MM-DD/],
      [['evaluate', file, '--rules', 'leeds-2023', '--as-of', '1999-12-31'], /--as-of must fall between 2000-01-01 and/],
      [['evaluate', file, '--rules', 'nowhere', '--as-of', '2024-04-09'], /There is no rule set "nowhere". Available: .*leeds-2023/],
      [['evaluate', file, '--as-of', '2024-04-09'], /--rules is required/],
      [['evaluate', file, ...BASE, '--due-within', 'ten days'], /--due-within must be a number and a unit/],
      [['evaluate', file, ...BASE, '--format', 'xml'], /--format must be one of: jsonl, csv, text/],
      [['evaluate', file, ...BASE, '--only', 'late'], /--only takes breaches, due, all/],
      [['evaluate', files.path('missing.jsonl'), ...BASE], /There is no file .*missing.jsonl/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain("Run 'practice-timescales evaluate --help' for usage.");
      expect(r.stdout).toBe('');
    }
  });

  it('evaluates with a shipped rule set', async () => {
    const r = await cli(['evaluate', files.path('cases.jsonl'), '--rules', 'leeds-2023', '--as-of', '2024-04-09']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('5 read, 5 evaluated, 0 rejected\n');
    const rules = jsonLines(r.stdout).filter((x) => x.row === 'rule');
    expect(rules.length).toBeGreaterThan(0);
    for (const row of rules) expect(['england-statutory', 'leeds-2023']).toContain(row.ruleSet);
  });
});
