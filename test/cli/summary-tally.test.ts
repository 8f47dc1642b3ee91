import { describe, expect, it } from 'vitest';
import { evaluate, generateCaseload, type Report } from '../../src/index.js';
import { Caseload, longerOverdue, tallyCase, type Group, type Overdue, type RuleRow } from '../../src/cli/summary/tally.js';

const AS_OF = '2024-04-09';
const describeRule = (id: string) => ({ ruleSet: id.split('.')[0]!, title: `title of ${id}` });

/**
 * The summary's figures counted the plain way, obligation by obligation from the reports (as the
 * summary counted before cases travelled as tallies): rows in the order rules are first seen.
 */
function plainCount(reports: readonly Report[], key: (r: Report) => string | undefined, top: number) {
  const groups = new Map<string, Map<string, RuleRow>>();
  const longest: Overdue[] = [];
  for (const report of reports) {
    const k = key(report);
    if (k === undefined) continue;
    const rows = groups.get(k) ?? new Map<string, RuleRow>();
    groups.set(k, rows);
    for (const o of report.obligations) {
      if (o.status === 'not-applicable') continue;
      const row = rows.get(o.ruleId) ?? { ruleId: o.ruleId, ...describeRule(o.ruleId), met: 0, excepted: 0, metLate: 0, overdue: 0, due: 0, unknown: 0, longest: null };
      rows.set(o.ruleId, row);
      if (o.status === 'met-late') row.metLate++;
      else row[o.status]++;
      if (o.status !== 'overdue') continue;
      const candidate: Overdue = { caseId: report.caseId, team: report.team ?? null, worker: report.worker ?? null, ruleId: o.ruleId, due: o.due, workingDays: o.lateness?.workingDays ?? 0, calendarDays: o.lateness?.calendarDays ?? 0 };
      if (!row.longest || longerOverdue(candidate, row.longest) < 0) row.longest = candidate;
      longest.push(candidate);
    }
  }
  longest.sort(longerOverdue);
  return { groups, longest: longest.slice(0, top) };
}

const rowsOf = (g: Group | undefined) => [...(g?.rules.values() ?? [])];

describe('summary tallies', () => {
  for (const ruleSet of ['leeds-2023', 'west-berkshire', 'england-statutory']) {
    it(`give the same figures as counting every obligation, overall, by team and by worker (${ruleSet})`, () => {
      const reports = [...generateCaseload({ cases: 300, seed: 77 })].map((s) => evaluate(s, { ruleSet, asOf: AS_OF }));
      const caseload = new Caseload(25, describeRule);
      // Through a structured clone, as a tally comes back from a worker thread.
      for (const r of reports) caseload.add(structuredClone(tallyCase(r)));

      const overall = plainCount(reports, () => 'all', 25);
      expect(rowsOf(caseload.overall)).toEqual([...overall.groups.get('all')!.values()]);
      expect(caseload.overall.cases).toBe(reports.length);
      expect(caseload.longest).toEqual(overall.longest);
      expect(caseload.longest.length).toBeGreaterThan(0);
      const teams = plainCount(reports, (r) => r.team, 0).groups;
      expect([...caseload.teams.keys()]).toEqual([...teams.keys()]);
      for (const [team, rows] of teams) expect(rowsOf(caseload.teams.get(team)), team).toEqual([...rows.values()]);
      const workers = plainCount(reports, (r) => r.worker, 0).groups;
      expect([...caseload.workers.keys()]).toEqual([...workers.keys()]);
      for (const [worker, rows] of workers) expect(rowsOf(caseload.workers.get(worker)), worker).toEqual([...rows.values()]);
    });
  }

  it('keep one entry per rule that applies and one per overdue obligation, nothing per other obligation', () => {
    const [snapshot] = generateCaseload({ cases: 1, seed: 5 });
    const report = evaluate(snapshot!, { ruleSet: 'leeds-2023', asOf: AS_OF });
    const tally = tallyCase(report);
    const applying = new Set(report.obligations.filter((o) => o.status !== 'not-applicable').map((o) => o.ruleId));
    expect(tally.rules).toEqual([...applying]);
    expect(tally.counts.reduce((a, b) => a + b, 0)).toBe(report.obligations.filter((o) => o.status !== 'not-applicable').length);
    expect(tally.overdue.length).toBe(4 * report.obligations.filter((o) => o.status === 'overdue').length);
  });
});
