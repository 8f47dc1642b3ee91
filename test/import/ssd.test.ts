import { describe, expect, it } from 'vitest';
import { fileFromText } from '../../src/import/files.js';
import { reconcile } from '../../src/import/reconcile.js';
import { importSsd, ssdSupply } from '../../src/import/ssd/index.js';
import { evaluate, generateCaseload, getRuleSet, ruleCoverage, ruleSetIds, validateSnapshot, type CaseSnapshot, type Obligation, type Rule } from '../../src/index.js';
import { exportSsd, ssdCanExpress } from './support/ssd-export.js';
import { collect } from './support/formats.js';

const AS_OF = '2024-04-09';

function chain(id: string): Rule[] {
  const s = getRuleSet(id);
  return s.extends ? [...chain(s.extends), ...s.rules] : s.rules;
}

/** What SSD cannot carry is taken off the generated snapshot before comparing. */
function asSsdKnowsIt(s: CaseSnapshot): CaseSnapshot {
  const { variations: _v, schoolTerms: _t, team: _team, worker: _w, ...rest } = s;
  return { ...rest, child: { dateOfBirth: s.child.dateOfBirth, careLeaver: s.child.careLeaver === true } };
}

async function roundTrip(snapshots: readonly CaseSnapshot[]) {
  const tables = exportSsd(snapshots);
  return collect(importSsd(Object.entries(tables).map(([table, text]) => fileFromText(`${table}.csv`, text))));
}

describe('SSD round trip: generate, export to SSD, import, evaluate', async () => {
  const generated = [...generateCaseload({ cases: 400, seed: 13 })].filter(ssdCanExpress);
  const { children, loose } = await roundTrip(generated);
  const byId = new Map(children.map((c) => [c.caseId, c]));

  it('brings every person back as a snapshot, with no problem', () => {
    expect(loose).toEqual([]);
    expect(generated.length).toBeGreaterThan(250);
    expect(children.map((c) => c.caseId)).toEqual(generated.map((s) => s.caseId));
    for (const c of children) {
      expect(c.kind).toBe('snapshot');
      expect(c.problems).toEqual([]);
      if (c.kind === 'snapshot') validateSnapshot(c.snapshot);
    }
  });

  for (const ruleSet of ruleSetIds) {
    it(`gives the same obligations on every rule SSD can supply, and unknown on the rest (${ruleSet})`, () => {
      const coverage = new Map(chain(ruleSet).map((r) => [r.id, ruleCoverage(ssdSupply(), r).coverage]));
      let compared = 0;
      for (const g of generated) {
        const c = byId.get(g.caseId)!;
        if (c.kind !== 'snapshot') throw new Error('expected a snapshot');
        const truth = evaluate(asSsdKnowsIt(g), { ruleSet, asOf: AS_OF }).obligations;
        const back = evaluate(c.snapshot, { ruleSet, asOf: AS_OF }).obligations;
        const key = (o: Obligation) => `${o.ruleId}#${o.instance}`;
        const exact = (o: Obligation) => coverage.get(o.ruleId) === 'exact';
        expect(back.filter(exact).map((o) => [key(o), o.status, o.due]), g.caseId).toEqual(truth.filter(exact).map((o) => [key(o), o.status, o.due]));
        compared += back.filter(exact).length;
        for (const o of back) if (coverage.get(o.ruleId) === 'unknown') expect(o.status).toBe('unknown');
        // Approximate rules (visits of unrecorded mode, the latest pathway plan review): never a breach the full record lacks.
        const breached = new Set(truth.filter((o) => o.status === 'overdue' || o.status === 'met-late').map((o) => o.ruleId));
        for (const o of back) if (o.status === 'overdue' || o.status === 'met-late') expect(breached.has(o.ruleId), o.explanation).toBe(true);
      }
      expect(compared).toBeGreaterThan(generated.length);
    }, 120_000);
  }
});

describe('SSD rows', () => {
  const person = 'pers_person_id,pers_dob\nP1,2014-05-06 00:00:00\n';

  it('read date-times without an offset as Europe/London, in summer and in winter', async () => {
    const { children } = await collect(
      importSsd([fileFromText('ssd_person.csv', person), fileFromText('ssd_cin_visits.csv', 'cinv_cin_visit_id,cinv_person_id,cinv_cin_visit_date,cinv_cin_visit_seen\nV1,P1,2024-07-01 09:30:00,Y\nV2,P1,2024-01-15 16:05:00,N\n')]),
    );
    const c = children[0]!;
    if (c.kind !== 'snapshot') throw new Error('expected a snapshot');
    expect(c.snapshot.events.map((e) => [e.at, 'mode' in e ? e.mode : '', 'childSeen' in e ? e.childSeen : ''])).toEqual([
      ['2024-07-01T09:30:00+01:00', 'not-recorded', true],
      ['2024-01-15T16:05:00+00:00', 'not-recorded', false],
    ]);
  });

  it('make an orphan row (a person not in ssd_person) an error, and a bad date a coded problem naming file, line and column', async () => {
    const { children } = await collect(
      importSsd([fileFromText('ssd_person.csv', person), fileFromText('ssd_cin_plans.csv', 'cinp_cin_plan_id,cinp_person_id,cinp_cin_plan_start_date\nC1,P1,2024-02-30\nC2,P9,2024-01-01\n')]),
    );
    expect(children.map((c) => [c.caseId, c.kind, c.problems.map((p) => [p.code, p.file, p.line, p.column])])).toEqual([
      ['P1', 'snapshot', [['invalid-date', 'ssd_cin_plans.csv', 2, 'cinp_cin_plan_start_date']]],
      ['P9', 'error', [['orphan-row', 'ssd_cin_plans.csv', 3, 'cinp_cin_plan_id']]],
    ]);
  });

  it("reconcile the council's own icpc_icpc_target_date with our due date", async () => {
    const { children } = await collect(
      importSsd([
        fileFromText('ssd_person.csv', person),
        fileFromText('ssd_s47_enquiry.csv', 's47e_s47_enquiry_id,s47e_person_id,s47e_s47_start_date\nS1,P1,2022-05-27 10:00:00\n'),
        fileFromText('ssd_initial_cp_conference.csv', 'icpc_icpc_id,icpc_s47_enquiry_id,icpc_person_id,icpc_icpc_target_date,icpc_icpc_date\nI1,S1,P1,2022-06-17 00:00:00,2022-06-20 00:00:00\n'),
      ]),
    );
    const rows = reconcile(children[0]!, { ruleSet: 'england-statutory', asOf: '2023-03-31' });
    expect(rows.map((r) => [r.field, r.ours, r.theirs, r.at.file, r.at.line])).toEqual([['icpc_icpc_target_date', '2022-06-21', '2022-06-17', 'ssd_initial_cp_conference.csv', 2]]);
    expect(rows[0]!.reason).toContain('2022-06-03');
  });

  it("reconcile the system's own review due dates: cppr_cp_review_due by the review held, clar_cla_review_due_date of a review still to come", async () => {
    const { children } = await collect(
      importSsd([
        fileFromText('ssd_person.csv', person),
        fileFromText('ssd_cp_plans.csv', 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date\nPL1,P1,2023-02-01 00:00:00\n'),
        // Three months from 1 February 2023 is 1 May, a bank holiday; the system said 2 May.
        fileFromText('ssd_cp_reviews.csv', 'cppr_cp_review_id,cppr_person_id,cppr_cp_plan_id,cppr_cp_review_due,cppr_cp_review_date\nR1,P1,PL1,2023-05-02 00:00:00,2023-04-27 00:00:00\n'),
        fileFromText('ssd_cla_episodes.csv', 'clae_cla_id,clae_person_id,clae_entered_care_date\nE1,P1,2024-01-08 00:00:00\n'),
        fileFromText('ssd_cla_reviews.csv', 'clar_cla_review_id,clar_cla_id,clar_cla_review_due_date,clar_cla_review_date\nV1,E1,2024-02-05 00:00:00,2024-01-26 00:00:00\nV2,E1,2024-04-29 00:00:00,\n'),
      ]),
    );
    const c = children[0]!;
    expect(c.kind).toBe('snapshot');
    const rows = reconcile(c, { ruleSet: 'england-statutory', asOf: '2024-04-10' });
    const cp = rows.find((r) => r.field === 'cppr_cp_review_due')!;
    expect([cp.ruleId, cp.theirs, cp.at.line]).toEqual(['england-statutory.reviews.child-protection-review-conference', '2023-05-02', 2]);
    expect(cp.reason).toMatch(/bank holiday \(Early May bank holiday\)/);
    const cla = rows.filter((r) => r.field === 'clar_cla_review_due_date');
    // The first review's due dates agree (20 working days from 8 January is 5 February): no row.
    expect(cla.map((r) => [r.ruleId, r.ours, r.theirs, r.at.line, r.workingDays])).toEqual([['england-statutory.reviews.looked-after-reviews', '2024-04-26', '2024-04-29', 3, 1]]);
  });
});
