import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRuleSet } from '../../src/index.js';
import { CaseloadFigures } from '../../src/report/collect.js';
import { judged, trendMonths, type Tally } from '../../src/report/collect.js';
import { AS_OF, calendar, exampleReports, generatedReports } from './helpers.js';

const scope = { ruleSet: getRuleSet('leeds-2023'), asOf: AS_OF, calendar, plannerDays: 10, trendMonths: 12 };

function sum(tallies: Iterable<Tally>): Tally {
  const t = { onTime: 0, late: 0, overdue: 0, due: 0, unknown: 0 };
  for (const x of tallies) for (const k of Object.keys(t) as (keyof Tally)[]) t[k] += x[k];
  return t;
}

describe('the report’s figures', () => {
  it('count every applicable obligation once, and by rule and by team add up to the whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 40 }), (seed, cases) => {
        const reports = generatedReports(cases, seed);
        const f = new CaseloadFigures(scope);
        reports.forEach((r) => f.add(r));
        const applicable = reports.flatMap((r) => r.obligations).filter((o) => o.status !== 'not-applicable');
        expect(f.children).toBe(cases);
        expect(judged(f.overall) + f.overall.due + f.overall.unknown).toBe(applicable.length);
        expect(f.overall.overdue).toBe(applicable.filter((o) => o.status === 'overdue').length);
        expect(sum([...f.rules.values()].map((r) => r.tally))).toEqual(f.overall);
        expect(sum(f.teams.values())).toEqual(f.overall);
        expect(f.overdue.length).toBe(f.overall.overdue);
        for (const m of f.trend.values()) expect(sum(m.teams.values())).toEqual(m.all);
        // Every child with something overdue or coming due has a timeline, and no other.
        const listed = new Set([...f.overdue, ...f.planner].map((o) => o.caseId));
        expect(new Set(f.timelines.map((t) => t.caseId))).toEqual(listed);
      }),
      { numRuns: 8 },
    );
  });

  it('plans the next 10 working days: due obligations due by the as-of date plus 10 working days', () => {
    const reports = exampleReports();
    const f = new CaseloadFigures(scope);
    reports.forEach((r) => f.add(r));
    expect(f.plannerTo).toBe('2024-04-23');
    const expected = reports.flatMap((r) => r.obligations).filter((o) => o.status === 'due' && o.due !== null && o.due.slice(0, 10) <= '2024-04-23');
    expect(f.planner.map((p) => `${p.caseId} ${p.ruleId}`).sort()).toEqual(expected.map((o) => `${o.caseId} ${o.ruleId}`).sort());
    expect(expected.length).toBeGreaterThan(0);
  });

  it('trends over the 12 whole months before the as-of month, judged obligations by month of due date', () => {
    expect(trendMonths('2024-04-09', 12)).toEqual(['2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03']);
    expect(trendMonths('2024-01-31', 2)).toEqual(['2023-11', '2023-12']);
    const reports = exampleReports();
    const f = new CaseloadFigures(scope);
    reports.forEach((r) => f.add(r));
    const march = reports.flatMap((r) => r.obligations).filter((o) => o.due?.startsWith('2024-03') && ['met', 'excepted', 'met-late', 'overdue'].includes(o.status));
    expect(judged(f.trend.get('2024-03')!.all)).toBe(march.length);
    expect(f.trend.get('2024-03')!.all.onTime).toBe(march.filter((o) => o.status === 'met' || o.status === 'excepted').length);
  });
});
