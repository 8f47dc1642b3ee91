import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { annexASupply, importAnnexA, LISTS, listNumberOf } from '../../src/import/annex-a/index.js';
import { fileFromPath, fileFromText } from '../../src/import/files.js';
import { problemPlace, type ImportResult } from '../../src/import/problem.js';
import { evaluate, getRuleSet, ruleCoverage, ruleSetIds, validateSnapshot, type CaseSnapshot, type Rule } from '../../src/index.js';
import { collect, FORMATS, formatText } from './support/formats.js';

const HEAD = 'Child Unique ID,Gender,Date of Birth';
const csv = (name: string, header: string, ...rows: string[]) => fileFromText(name, `${HEAD},${header}\n${rows.map((r) => `${r}`).join('\n')}\n`);

async function one(...files: ReturnType<typeof fileFromText>[]): Promise<Extract<ImportResult, { kind: 'snapshot' }>> {
  const { children, loose } = await collect(importAnnexA(files));
  expect(loose).toEqual([]);
  const c = children[0]!;
  if (c.kind !== 'snapshot') throw new Error(`expected a snapshot: ${JSON.stringify(c.problems)}`);
  validateSnapshot(c.snapshot);
  return c;
}

const strip = (s: CaseSnapshot) => s.events.map(({ id: _id, ...e }) => e);

function chain(id: string): Rule[] {
  const s = getRuleSet(id);
  return s.extends ? [...chain(s.extends), ...s.rules] : s.rules;
}

describe('the Annex A sample workbook', async () => {
  const { children, loose } = await collect(importAnnexA([fileFromPath(`${FORMATS}annex-a/Annex_A.xlsx`)]));

  it('accounts for every child of lists 3 to 10 once, as a snapshot or a coded error', () => {
    expect(loose).toEqual([]);
    const ids = children.map((c) => c.caseId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('6537810'); // List 3 and List 5
    expect(children.filter((c) => c.kind === 'snapshot').length).toBeGreaterThan(25);
  });

  it("gives the sample's odd rows (care leavers and adoptions sharing ids with other births) coded errors naming file, sheet, row and column, never the value", () => {
    const errors = children.filter((c) => c.kind === 'error');
    expect(errors.map((e) => e.caseId).sort()).toEqual(['10414520', '13782635', '4939073', '6102196', '7961370']);
    for (const e of errors) {
      expect(e.problems.map((p) => [p.code, p.file, p.sheet, p.column])).toEqual([['conflicting-fact', 'Annex_A.xlsx', 'List 10', 'Date of Birth']]);
      expect(problemPlace(e.problems[0]!)).toMatch(/^Annex_A\.xlsx \[List 10\] row \d column Date of Birth$/);
      expect(e.problems[0]!.message).not.toMatch(/\d{4}/);
    }
  });

  it('reads workbook dates, links a section 47 enquiry to its conference, and evaluates under every rule set', () => {
    const c = children.find((x) => x.caseId === '6537810')!;
    if (c.kind !== 'snapshot') throw new Error('expected a snapshot');
    expect(strip(c.snapshot)).toEqual([
      { type: 'referral', date: '2020-09-16' },
      { type: 'section-47-started', date: '2020-09-16' },
      { type: 'initial-child-protection-conference', date: '2020-10-05' },
    ]);
    for (const ruleSet of ruleSetIds) {
      for (const x of children) {
        if (x.kind !== 'snapshot') continue;
        validateSnapshot(x.snapshot);
        const coverage = new Map(chain(ruleSet).map((r) => [r.id, ruleCoverage(x.snapshot.supply!, r).coverage]));
        for (const o of evaluate(x.snapshot, { ruleSet, asOf: '2021-03-31' }).obligations) {
          // What Annex A cannot supply is unknown, never a breach and never not-applicable.
          if (coverage.get(o.ruleId) === 'unknown') expect(o.status, o.ruleId).toBe('unknown');
        }
      }
    }
  });

  it('reads a looked-after child from List 8: period of care, legal status, latest placement, review, visit and health assessment', () => {
    const c = children.find((x) => x.caseId === '1761444')!;
    if (c.kind !== 'snapshot') throw new Error('expected a snapshot');
    expect(strip(c.snapshot).map((e) => e.type)).toEqual(['became-looked-after', 'placement-started', 'looked-after-review', 'visit', 'health-assessment']);
    expect(c.snapshot.events[1]).toMatchObject({ kind: 'foster' });
    // The IRO's contact (2021-01-12) is not a social work visit.
    expect(c.snapshot.events.filter((e) => e.type === 'visit').map((e) => e.date)).toEqual(['2021-01-06']);
  });
});

describe('each mapping decision, on lists saved as CSV', () => {
  it('List 3: a referral; a blank referral date leaves the row out with a coded problem', async () => {
    const c = await one(csv('List 3.csv', 'Date of Referral,Referral Source', 'C1,Male,03/04/2015,16/09/2020,Police', 'C1,Male,03/04/2015,,Police'));
    expect(strip(c.snapshot)).toEqual([{ type: 'referral', date: '2020-09-16' }]);
    expect(c.problems.map((p) => [p.code, p.line, p.column])).toEqual([['missing-value', 3, 'Date of referral']]);
  });

  it('List 4: an assessment started and authorised, as one assessment', async () => {
    const c = await one(csv('List_4.csv', 'Continuous Assessment Start Date,Continuous Assessment Date of Authorisation', 'C1,F,2015-04-03,2020-09-01,2020-10-20'));
    expect(strip(c.snapshot)).toEqual([
      { type: 'assessment-started', date: '2020-09-01', assessmentId: 'assessment-2020-09-01' },
      { type: 'assessment-authorised', date: '2020-10-20', assessmentId: 'assessment-2020-09-01' },
    ]);
  });

  it('List 5: a conference deemed unnecessary concludes the enquiry with no conference required; a held one is the conference', async () => {
    const c = await one(
      csv('Annex A - List 5 (S47).csv', 'Strategy discussion initiating Section 47 Enquiry Start Date,Was an Initial Child Protection Conference deemed unnecessary?,Date of Initial Child Protection Conference', 'C1,F,03/04/2015,01/09/2020,a) Yes,', 'C1,F,03/04/2015,01/11/2020,b) No,20/11/2020'),
    );
    expect(strip(c.snapshot)).toEqual([
      { type: 'section-47-started', date: '2020-09-01' },
      { type: 'section-47-concluded', date: '2020-09-01', conferenceRequired: false },
      { type: 'section-47-started', date: '2020-11-01' },
      { type: 'initial-child-protection-conference', date: '2020-11-20' },
    ]);
  });

  it('List 6: the date the child was last seen is a visit of unrecorded mode at which the child was seen; the closure closes the case', async () => {
    const c = await one(csv('List 6.csv', 'CIN Start Date,Date Child Was Last Seen,CIN Closure Date', 'C1,F,03/04/2015,01/01/2010,02/02/2021,01/03/2021'));
    expect(strip(c.snapshot)).toEqual([
      { type: 'visit', date: '2021-02-02', mode: 'not-recorded', childSeen: true },
      { type: 'case-closed', date: '2021-03-01' },
    ]);
  });

  it('List 7: the plan, its latest statutory visit (seen alone, or not), its latest review conference and its end', async () => {
    const cols = 'Child Protection Plan Start Date,Date of the Last Statutory Visit,Was the Child Seen Alone?,Date of latest review conference,Child Protection Plan End Date';
    const yes = await one(csv('List 7.csv', cols, 'C1,F,03/04/2015,01/06/2020,20/01/2021,a) Yes,10/01/2021,'));
    expect(strip(yes.snapshot)).toEqual([
      { type: 'child-protection-plan-started', date: '2020-06-01' },
      { type: 'visit', date: '2021-01-20', mode: 'not-recorded', childSeen: true, seenAlone: true },
      { type: 'review-child-protection-conference', date: '2021-01-10' },
    ]);
    const no = await one(csv('List 7.csv', cols, 'C1,F,03/04/2015,01/06/2020,20/01/2021,No,,01/02/2021'));
    expect(strip(no.snapshot)).toEqual([
      { type: 'child-protection-plan-started', date: '2020-06-01' },
      { type: 'visit', date: '2021-01-20', mode: 'not-recorded', seenAlone: false },
      { type: 'child-protection-plan-ended', date: '2021-02-01' },
    ]);
  });

  describe('List 8', () => {
    const cols = "Date Started to be Looked After,Start date of current legal status,Child's Legal Status,Start Date of Most Recent Placement,Placement Type,Date of Latest Statutory Review,Date of Last Social Work Visit,Date of Last IRO Visit / Contact to the Child,Date of Last Health Assessment,Date Ceased to be Looked After";
    const row = (ls: string, lsFrom: string, place: string, ceased = '') => `C1,F,03/04/2015,01/02/2020,${lsFrom},${ls},01/03/2020,${place},01/08/2020,05/01/2021,06/01/2021,01/07/2020,${ceased}`;

    it('takes the legal status for the start of care only when it began that day', async () => {
      const same = await one(csv('List 8.csv', cols, row('C1: Interim care order', '01/02/2020', 'f) U6: Foster placement - not FFA')));
      expect(same.snapshot.events[0]).toMatchObject({ type: 'became-looked-after', legalStatus: 'interim-care-order' });
      const later = await one(csv('List 8.csv', cols, row('C2: FCO', '01/05/2020', 'U6')));
      expect(later.snapshot.events[0]).not.toHaveProperty('legalStatus');
    });

    it('maps the placement type by its SSDA903 code; placed with parents by the legal status in force at the placement', async () => {
      for (const [code, ls, lsFrom, kind] of [
        ['U1: Foster placement - relatives - long term', 'C2: FCO', '01/02/2020', 'connected-person'],
        ['U6', 'V2', '01/02/2020', 'foster'],
        ['A5', 'E1: Placement order', '01/02/2020', 'adoptive'],
        ['K2', 'V2', '01/02/2020', 'residential'],
        ['P1: Placed with own parents', 'C2: FCO', '01/02/2020', 'placed-with-parents-care-order'],
        ['P1: Placed with own parents', 'C1', '01/02/2020', 'placed-with-parents-interim-care-order'],
        // The care order came after the placement began: which order it was under then is not known.
        ['P1: Placed with own parents', 'C2: FCO', '01/06/2020', 'other'],
      ] as const) {
        const c = await one(csv('List 8.csv', cols, row(ls, lsFrom, code)));
        expect(c.snapshot.events.find((e) => e.type === 'placement-started'), code).toMatchObject({ kind, placementId: 'placement-2020-03-01' });
      }
    });

    it('leaves out a temporary or unknown placement code, and an unknown legal status, with coded problems', async () => {
      const t = await one(csv('List 8.csv', cols, row('Q9: nonsense', '01/02/2020', 'T1: Temporary - hospital')));
      expect(t.snapshot.events.some((e) => e.type === 'placement-started')).toBe(false);
      expect(t.problems.map((p) => [p.code, p.column])).toEqual([
        ['unknown-code', "Child's Legal Status"],
        ['unmapped-code', 'Placement Type'],
      ]);
      const z = await one(csv('List 8.csv', cols, row('V2', '01/02/2020', 'ZZ')));
      expect(z.problems.map((p) => [p.code, p.column])).toEqual([['unknown-code', 'Placement Type']]);
    });

    it('reads the latest review, the latest social work visit (not the IRO contact) and the latest health assessment; the end of care ends the placement', async () => {
      const c = await one(csv('List 8.csv', cols, row('V2', '01/02/2020', 'U6', '01/02/2021')));
      expect(strip(c.snapshot)).toEqual([
        { type: 'became-looked-after', date: '2020-02-01', legalStatus: 'section-20' },
        { type: 'placement-started', date: '2020-03-01', placementId: 'placement-2020-03-01', kind: 'foster' },
        { type: 'placement-ended', date: '2021-02-01', placementId: 'placement-2020-03-01' },
        { type: 'ceased-looked-after', date: '2021-02-01' },
        { type: 'looked-after-review', date: '2020-08-01' },
        { type: 'visit', date: '2021-01-05', mode: 'not-recorded' },
        { type: 'health-assessment', date: '2020-07-01' },
      ]);
    });
  });

  it('List 9: a care leaver is one the list names, once the list is given; without it the fact is not known', async () => {
    const { children } = await collect(importAnnexA([csv('List 9.csv', 'Eligibility Category', 'C1,M,03/04/2002,Former relevant'), csv('List 3.csv', 'Date of referral', 'C2,F,03/04/2015,16/09/2020')]));
    expect(children.map((c) => (c.kind === 'snapshot' ? [c.caseId, c.snapshot.child.careLeaver, c.snapshot.supply!.facts] : []))).toEqual([
      ['C1', true, ['careLeaver']],
      ['C2', false, ['careLeaver']],
    ]);
    const without = await one(csv('List 3.csv', 'Date of referral', 'C2,F,03/04/2015,16/09/2020'));
    expect(without.snapshot.child).not.toHaveProperty('careLeaver');
    expect(without.snapshot.supply!.facts).toEqual([]);
  });

  it("List 9 records no visits: a care leaver's visits are unknown, not overdue", async () => {
    const c = await one(csv('List 9.csv', 'Eligibility Category', 'C1,M,03/04/2005,Former relevant'));
    const visits = evaluate(c.snapshot, { ruleSet: 'leeds-2023', asOf: '2024-06-28' }).obligations.filter((o) => o.ruleId === 'leeds.visits.care-leaver');
    expect(visits.length).toBeGreaterThan(0);
    for (const o of visits) expect(o.status).toBe('unknown');
    expect(visits[0]!.explanation).toContain('Annex A does not record any visit');
  });

  it('List 10: the adoption order', async () => {
    const c = await one(csv('List 10.csv', 'Date the Child Entered Care,Date of Adoption Order ', 'C1,F,03/04/2015,01/01/2019,12/12/2020'));
    expect(strip(c.snapshot)).toEqual([{ type: 'adoption-order-made', date: '2020-12-12' }]);
  });

  it('finds columns by their variants: case, spacing and the patterns of annex-a-merge.yml', async () => {
    const c = await one(fileFromText('l8.csv', "Unique Child ID,DOB - Date of birth,date started to be looked after,Child's legal status (code)\nC1,03/04/2015,01/02/2020,V2\n"));
    expect(strip(c.snapshot)).toEqual([{ type: 'became-looked-after', date: '2020-02-01' }]);
    expect(c.snapshot.child.dateOfBirth).toBe('2015-04-03');
  });

  it('finds the header below a title row, as councils\' exports have it', async () => {
    const c = await one(fileFromText('List 3.csv', `Annex A List 3: referrals,,\nextract date 31/03/2021,,\n${HEAD},Date of referral\nC1,M,03/04/2015,16/09/2020\n`));
    expect(strip(c.snapshot)).toEqual([{ type: 'referral', date: '2020-09-16' }]);
  });

  it('names the list from the sheet or file name', () => {
    expect(['List 3', 'list_8', 'Annex A - List 10 (adoption).csv', 'L5', 'LIST-7.csv', 'Children (List 6)'].map(listNumberOf)).toEqual([3, 8, 10, 5, 7, 6]);
    expect(['Lists', 'Sheet1', 'Blist 3x'].map(listNumberOf)).toEqual([undefined, undefined, undefined]);
  });

  it('makes bad dates, a date outside the calendar, a missing column and an unnamed list coded problems, never crashes', async () => {
    const { children, loose } = await collect(
      importAnnexA([
        csv('List 3.csv', 'Date of referral', 'C1,M,03/04/1966,16/09/1966', 'C1,M,03/04/1966,31/02/2020', 'C1,M,03/04/1966,soon', 'C2,F,,16/09/2020', ',F,01/01/2015,16/09/2020'),
        csv('List 7.csv', 'Initial Category of Abuse', 'C1,M,03/04/1966,Neglect'),
        csv('Contacts.csv', 'Date of Contact', 'C1,M,03/04/1966,16/09/2020'),
      ]),
    );
    expect(loose.map((l) => (l.kind === 'problem' ? [l.problem.code, l.problem.file, l.problem.column] : []))).toEqual([
      ['missing-value', 'List 3.csv', 'Child Unique ID'],
      ['missing-column', 'List 7.csv', 'Child Protection Plan Start Date'],
      ['unknown-sheet', 'Contacts.csv', ''],
    ]);
    const [c1, c2] = children;
    expect(c1!.kind).toBe('snapshot');
    expect(c1!.problems.map((p) => [p.code, p.line])).toEqual([
      ['date-outside-calendar', 2],
      ['invalid-date', 3],
      ['invalid-date', 4],
    ]);
    for (const p of c1!.problems) expect(p.message).not.toMatch(/1966|31\/02|soon/);
    expect(c2).toMatchObject({ kind: 'error', caseId: 'C2', problems: [{ code: 'no-date-of-birth' }] });
  });

  it('makes a file that is not a workbook an unreadable-file problem', async () => {
    const { children, loose } = await collect(importAnnexA([fileFromText('Annex_A.xlsx', 'not a zip')]));
    expect(children).toEqual([]);
    expect(loose).toMatchObject([{ kind: 'problem', problem: { code: 'unreadable-file', file: 'Annex_A.xlsx' } }]);
  });
});

describe('latest-only dates', () => {
  it('judge only the current cycle of a recurring visit duty: earlier cycles are unknown (visits assumed in person)', async () => {
    // List 6 gives the closures the Leeds duty ends with; List 7 the plan and its latest visit.
    const c = await one(csv('List 7.csv', 'Child Protection Plan Start Date,Date of the Last Statutory Visit', 'C1,F,03/04/2015,08/01/2024,01/03/2024'), csv('List 6.csv', 'CIN Closure Date', 'C1,F,03/04/2015,'));
    const visits = evaluate(c.snapshot, { ruleSet: 'leeds-2023', asOf: '2024-04-30', assume: ['visits-in-person'] }).obligations.filter((o) => o.ruleId === 'leeds.visits.child-protection');
    expect(visits.at(-1)!.status).toBe('overdue');
    expect(visits.slice(0, -1).every((o) => o.status === 'unknown')).toBe(true);
    expect(visits[0]!.explanation).toContain('keeps only the latest visit');
    const judged = evaluate(c.snapshot, { ruleSet: 'leeds-2023', asOf: '2024-03-05', assume: ['visits-in-person'] }).obligations.filter((o) => o.ruleId === 'leeds.visits.child-protection');
    expect(judged.at(-1)!.status).toBe('due');
  });

  it("are declared per child: a list's latest dates count only for the children it names", () => {
    const inList8 = annexASupply(new Set([3, 8]), new Set([8]));
    const notIn = annexASupply(new Set([3, 8]), new Set([3]));
    expect(inList8.events.find((e) => e.type === 'visit')).toEqual({ type: 'visit', fields: [], latestOnly: true });
    expect(notIn.events.some((e) => e.type === 'visit')).toBe(false);
    expect(notIn.events.some((e) => e.type === 'became-looked-after')).toBe(true);
  });
});

describe('the columns read, against annex-a-merge.yml', () => {
  const merge = parseYaml(formatText('annex-a/annex-a-merge.yml'), { merge: true }) as { datasources: Record<string, Record<string, { regex?: string[] } | null>> };

  for (const [n, list] of Object.entries(LISTS)) {
    it(`List ${n}: every column read is named as in the template, with its patterns`, () => {
      const template = merge.datasources[`List ${n}`]!;
      const names = new Map(Object.keys(template).map((k) => [k.trim().toLowerCase(), k]));
      for (const c of Object.values(list.columns)) {
        const key = names.get(c.name.toLowerCase());
        expect(key, c.name).toBeDefined();
        const patterns = (template[key!]?.regex ?? []).map((r) => r.trim());
        expect(('variants' in c ? c.variants : []).map((r: RegExp) => r.toString()), c.name).toEqual(patterns);
      }
    });
  }
});
