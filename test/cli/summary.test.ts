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
      '  On time  Late  Overdue  Due  Unknown  % on time  Longest overdue          Rule [id]',
      '        1     1        1    0        0      33.3%  5 working days (case E)  Child in need visits [test.visits.child-in-need]',
      '        1     1        1    1        0      33.3%  1 working day (case C)   Assessment within 45 working days [test.assessment.within-45wd]',
    ]);
    expect(r.stdout).toContain('Team west (2 cases)\n  On time');
    // Text gives the figures by team unless --by asks otherwise.
    expect(r.stdout).not.toContain('Worker w2');
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

  it('gives the groups --by asks for', async () => {
    const file = files.path('cases.jsonl');
    const headings = async (...args: string[]) => (await cli(['summary', file, ...BASE, ...args])).stdout.split('\n').filter((l) => /^(By|Team|Worker) /.test(l));
    expect(await headings()).toEqual(['By team', 'Team east (3 cases)', 'Team west (2 cases)']);
    expect(await headings('--by', 'worker')).toEqual(['By worker', 'Worker w1 (2 cases)', 'Worker w2 (1 case)', 'Worker w3 (2 cases)']);
    expect(await headings('--by', 'none')).toEqual([]);
    expect((await headings('--by', 'team,worker')).length).toBe(7);
    const json = JSON.parse((await cli(['summary', file, ...BASE, '--format', 'json', '--by', 'worker'])).stdout) as Record<string, unknown>;
    expect(json.byTeam).toBeUndefined();
    expect(json.byWorker).toHaveLength(3);
    const bad = await cli(['summary', file, ...BASE, '--by', 'teams']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--by must be team, worker, team,worker or none/);
  });

  it('keeps only the cases of the teams and workers named', async () => {
    const file = files.path('cases.jsonl');
    const json = async (...args: string[]) => JSON.parse((await cli(['summary', file, ...BASE, '--format', 'json', '--by', 'team,worker', ...args])).stdout) as { evaluated: number; overall: { cases: number }; byTeam: { team: string }[]; byWorker: { worker: string }[] };
    const west = await json('--team', 'west');
    expect([west.evaluated, west.overall.cases, west.byTeam.map((t) => t.team), west.byWorker.map((w) => w.worker)]).toEqual([5, 2, ['west'], ['w3']]);
    const some = await json('--team', 'east, west', '--worker', 'w1,w3');
    expect([some.overall.cases, some.byWorker.map((w) => w.worker)]).toEqual([4, ['w1', 'w3']]);
    expect((await json('--worker', 'nobody')).overall.cases).toBe(0);
    const text = (await cli(['summary', file, ...BASE, '--team', 'west'])).stdout;
    expect(text).toContain('5 cases evaluated; the summary is of 2 cases only (team west).');
  });

  it('orders teams and workers naturally and writes thousands separators', async () => {
    const cases = [12, 2, 1, 10].map((n) => `{"caseId":"c${n}","team":"team-${n}","worker":"w-${n}","child":{"dateOfBirth":"2019-01-01"},"events":[{"id":"r","type":"referral","date":"2024-01-02"}]}`).join('\n');
    const r = await cli(['summary', '-', ...BASE, '--by', 'team,worker'], { stdin: cases });
    const heads = r.stdout.split('\n').filter((l) => /^(Team|Worker) /.test(l)).map((l) => l.split(' (')[0]);
    expect(heads).toEqual(['Team team-1', 'Team team-2', 'Team team-10', 'Team team-12', 'Worker w-1', 'Worker w-2', 'Worker w-10', 'Worker w-12']);
    const csv = parse((await cli(['summary', '-', ...BASE, '--format', 'csv'], { stdin: cases })).stdout, { columns: true }) as Record<string, string>[];
    expect(csv.filter((x) => x.scope === 'team').map((x) => x.group)).toEqual(['team-1', 'team-2', 'team-10', 'team-12']);
    // A child in need plan visited weekly for 1,200 weeks: 1,201 visits' obligations on time.
    const events: Record<string, string>[] = [{ id: 'p', type: 'child-in-need-plan-started', date: '2000-01-04' }];
    let day = Date.UTC(2000, 0, 4);
    for (let i = 0; i < 1200; i++) {
      day += 7 * 86_400_000;
      events.push({ id: `v${i}`, type: 'visit', mode: 'in-person', date: new Date(day).toISOString().slice(0, 10) });
    }
    const big = await cli(['summary', '-', '--rules-file', RULES_FILE, '--as-of', events.at(-1)!.date!], { stdin: JSON.stringify({ caseId: 'long', child: { dateOfBirth: '1999-01-01' }, events }) });
    expect(big.stdout).toMatch(/^ +1,200 +0 +0 +\d+ +0 +100\.0% +Child in need visits/m);
  });
});
