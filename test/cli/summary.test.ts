import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES_CSV, CASES_JSONL } from './fixtures/caseload.js';
import { cli, RULES_FILE, tempFiles } from './support/cli.js';

const BASE = ['--rules-file', RULES_FILE, '--as-of', '2024-04-09'];
const files = tempFiles({ 'cases.jsonl': CASES_JSONL, 'cases.csv': CASES_CSV });
afterAll(() => files.remove());

const ASSESSMENT = 'test.assessment.within-45wd';
const VISITS = 'test.visits.child-in-need';

// From the hand-worked statuses in fixtures/caseload.ts: the assessment rule has A met, B met
// late, C overdue by 1 working day and D due; the visits rule has E met, met late and overdue
// by 5 working days. Teams: east A, B, E; west C, D. Workers: w1 A, E; w2 B; w3 C, D.
interface Row {
  ruleId: string;
  met: number;
  excepted: number;
  metLate: number;
  overdue: number;
  due: number;
  unknown: number;
  onTimePercent: number | null;
  longestOverdue: { caseId: string; workingDays: number } | null;
}

describe('summary', () => {
  it('counts each rule overall, by team and by worker, the longest overdue first (JSON)', async () => {
    const r = await cli(['summary', files.path('cases.jsonl'), ...BASE, '--format', 'json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as {
      read: number;
      evaluated: number;
      rejected: number;
      overall: { cases: number; rules: Row[] };
      byTeam: { team: string; cases: number; rules: Row[] }[];
      byWorker: { worker: string; cases: number; rules: Row[] }[];
      longestOverdue: { caseId: string; ruleId: string; due: string; workingDays: number; calendarDays: number }[];
    };
    expect([s.read, s.evaluated, s.rejected]).toEqual([5, 5, 0]);
    expect(s.overall.cases).toBe(5);
    const brief = (rows: Row[]) => rows.map((x) => [x.ruleId, x.met, x.metLate, x.overdue, x.due, x.onTimePercent, x.longestOverdue?.caseId ?? null, x.longestOverdue?.workingDays ?? null]);
    expect(brief(s.overall.rules)).toEqual([
      [VISITS, 1, 1, 1, 0, 33.3, 'E', 5],
      [ASSESSMENT, 1, 1, 1, 1, 33.3, 'C', 1],
    ]);
    expect(s.byTeam.map((t) => [t.team, t.cases, brief(t.rules)])).toEqual([
      ['east', 3, [[VISITS, 1, 1, 1, 0, 33.3, 'E', 5], [ASSESSMENT, 1, 1, 0, 0, 50, null, null]]],
      ['west', 2, [[ASSESSMENT, 0, 0, 1, 1, 0, 'C', 1]]],
    ]);
    expect(s.byWorker.map((t) => [t.worker, t.cases, brief(t.rules)])).toEqual([
      ['w1', 2, [[VISITS, 1, 1, 1, 0, 33.3, 'E', 5], [ASSESSMENT, 1, 0, 0, 0, 100, null, null]]],
      ['w2', 1, [[ASSESSMENT, 0, 1, 0, 0, 0, null, null]]],
      ['w3', 2, [[ASSESSMENT, 0, 0, 1, 1, 0, 'C', 1]]],
    ]);
    expect(s.longestOverdue.map((o) => [o.caseId, o.ruleId, o.due, o.workingDays, o.calendarDays])).toEqual([
      ['E', VISITS, '2024-04-02', 5, 7],
      ['C', ASSESSMENT, '2024-04-08', 1, 1],
    ]);
  });

  it('writes a table for people', async () => {
    const r = await cli(['summary', files.path('cases.csv'), ...BASE]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Caseload summary as of 2024-04-09 under cli-test (Command line test rules)');
    const overall = lines.indexOf('Overall (5 cases)');
    expect(lines.slice(overall + 1, overall + 4)).toEqual([
      '  Rule                         On time  Late  Overdue  Due  Unknown  % on time  Longest overdue',
      '  test.visits.child-in-need          1     1        1    0        0      33.3%  5 working days (case E)',
      '  test.assessment.within-45wd        1     1        1    1        0      33.3%  1 working day (case C)',
    ]);
    expect(r.stdout).toContain('Team west (2 cases)\n  Rule');
    expect(r.stdout).toContain('Worker w2 (1 case)\n');
    expect(r.stderr).toBe('5 read, 5 evaluated, 0 rejected\n');
  });

  it('writes CSV rows per group and rule, with a byte order mark when asked', async () => {
    const r = await cli(['summary', files.path('cases.jsonl'), ...BASE, '--format', 'csv', '--bom']);
    expect(r.stdout.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(r.stdout.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x.scope, x.group, x.ruleId, x.met, x.metLate, x.overdue, x.due, x.onTimePercent])).toEqual([
      ['overall', '', VISITS, '1', '1', '1', '0', '33.3'],
      ['overall', '', ASSESSMENT, '1', '1', '1', '1', '33.3'],
      ['team', 'east', VISITS, '1', '1', '1', '0', '33.3'],
      ['team', 'east', ASSESSMENT, '1', '1', '0', '0', '50'],
      ['team', 'west', ASSESSMENT, '0', '0', '1', '1', '0'],
      ['worker', 'w1', VISITS, '1', '1', '1', '0', '33.3'],
      ['worker', 'w1', ASSESSMENT, '1', '0', '0', '0', '100'],
      ['worker', 'w2', ASSESSMENT, '0', '1', '0', '0', '0'],
      ['worker', 'w3', ASSESSMENT, '0', '0', '1', '1', '0'],
    ]);
  });

  it('lists rejected records on stderr and still summarises the rest', async () => {
    const text = `${CASES_JSONL}{"caseId":"Z","child":{"dateOfBirth":"2015-13-01"},"events":[]}\n`;
    const r = await cli(['summary', '-', ...BASE, '--format', 'json'], { stdin: text });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Line 6 \(case Z\): rejected, not evaluated.\n {4}invalid-date at child.dateOfBirth: Expected a calendar date/);
    expect(r.stderr.endsWith('\n6 read, 5 evaluated, 1 rejected\n')).toBe(true);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 6, evaluated: 5, rejected: 1, overall: { cases: 5 } });
  });

  it('never shows 100% while anything is late: percentages are rounded down', async () => {
    // 999 visits on time and 1 late: 99.9%, not 100%. Built from one case with a visit every 10 working days.
    const events: Record<string, string>[] = [{ id: 'p', type: 'child-in-need-plan-started', date: '2000-01-04' }];
    let day = Date.UTC(2000, 0, 4);
    for (let i = 0; i < 1000; i++) {
      day += (i === 500 ? 40 : 7) * 86_400_000;
      events.push({ id: `v${i}`, type: 'visit', mode: 'in-person', date: new Date(day).toISOString().slice(0, 10) });
    }
    const r = await cli(['summary', '-', '--rules-file', RULES_FILE, '--as-of', events.at(-1)!.date!, '--format', 'json'], { stdin: JSON.stringify({ caseId: 'long', child: { dateOfBirth: '1999-01-01' }, events }) });
    const row = (JSON.parse(r.stdout) as { overall: { rules: Row[] } }).overall.rules.find((x) => x.ruleId === VISITS)!;
    // Weekly visits (5 working days apart at most, 7 calendar days) are on time; the one gap of
    // 40 calendar days (at least 26 working days) is late.
    expect([row.met, row.metLate]).toEqual([999, 1]);
    expect(row.onTimePercent).toBe(99.9);
  });
});
