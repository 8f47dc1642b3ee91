import { describe, expect, it } from 'vitest';
import { importCinCensus } from '../../src/import/cin-census/index.js';
import { fileFromPath, fileFromText } from '../../src/import/files.js';
import { reconcile } from '../../src/import/reconcile.js';
import { englandAndWales, evaluate, ruleSetIds, validateSnapshot } from '../../src/index.js';
import { collect, FORMATS } from './support/formats.js';

function census(children: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2023</Year><ReferenceDate>2023-03-31</ReferenceDate></CollectionDetails></Header><Children>${children}</Children></Message>`;
}

function child(id: string, dob: string, details: string): string {
  return `<Child><ChildIdentifiers><LAchildID>${id}</LAchildID><PersonBirthDate>${dob}</PersonBirthDate></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>${details}</Child>`;
}

const S47 = (start: string, icpc: string, target: string) => `<Section47><S47ActualStartDate>${start}</S47ActualStartDate><InitialCPCtarget>${target}</InitialCPCtarget>${icpc ? `<DateOfInitialCPC>${icpc}</DateOfInitialCPC>` : ''}<ICPCnotRequired>false</ICPCnotRequired></Section47>`;

const TWO = census(
  child('A1', '2015-06-01', `<CINdetails><CINreferralDate>2022-05-20</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><Assessments><AssessmentActualStartDate>2022-05-23</AssessmentActualStartDate><AssessmentAuthorisationDate>2022-07-01</AssessmentAuthorisationDate></Assessments>${S47('2022-05-27', '2022-06-17', '2022-06-17')}<ChildProtectionPlans><CPPstartDate>2022-06-17</CPPstartDate><Reviews><CPPreviewDate>2022-09-10</CPPreviewDate></Reviews></ChildProtectionPlans></CINdetails>`) +
    child('B2', '2012-01-09', `<CINdetails><CINreferralDate>2021-01-04</CINreferralDate><CINclosureDate>2021-06-30</CINclosureDate><CINPlanDates><CINPlanStartDate>2021-02-01</CINPlanStartDate><CINPlanEndDate>2021-06-30</CINPlanEndDate></CINPlanDates></CINdetails><CINdetails><CINreferralDate>2022-11-01</CINreferralDate>${S47('2022-11-02', '', '2022-11-23')}<Section47><S47ActualStartDate>2022-12-01</S47ActualStartDate><ICPCnotRequired>true</ICPCnotRequired></Section47></CINdetails>`),
);

describe('the CIN census sample', () => {
  it('imports without a crash: its 1970s dates are coded problems naming each element, never the date', async () => {
    const { children, loose } = await collect(importCinCensus([fileFromPath(`${FORMATS}cin-census/cin-2022.xml`)]));
    expect(loose).toEqual([]);
    expect(children).toHaveLength(1);
    const [c] = children;
    expect(c!.caseId).toBe('DfEX0000001');
    if (c!.kind !== 'snapshot') throw new Error('expected a snapshot');
    // Born 1966: kept, as ages need no working days; every event date falls before the calendar.
    expect(c!.snapshot.child.dateOfBirth).toBe('1966-03-24');
    expect(c!.snapshot.events).toEqual([]);
    expect(c!.problems.length).toBeGreaterThan(10);
    for (const p of c!.problems) {
      expect(p.code).toBe('date-outside-calendar');
      expect(p.element).toMatch(/^Message\/Children\/Child\/CINdetails\//);
      expect(p.element!.endsWith(p.column)).toBe(true);
      expect(p.message).not.toMatch(/19[67]\d/);
    }
    for (const ruleSet of ruleSetIds) expect(() => evaluate(c!.snapshot, { ruleSet, asOf: '2022-03-31' })).not.toThrow();
  });
});

describe('census children', () => {
  it('number episodes by position, the same on every import, and evaluate under every rule set', { timeout: 60_000 }, async () => {
    const first = await collect(importCinCensus([fileFromText('c.xml', TWO)]));
    const again = await collect(importCinCensus([fileFromText('c.xml', TWO)]));
    expect(again.children).toEqual(first.children);
    const [a, b] = first.children;
    if (a!.kind !== 'snapshot' || b!.kind !== 'snapshot') throw new Error('expected snapshots');
    validateSnapshot(a!.snapshot);
    validateSnapshot(b!.snapshot);
    expect(b!.snapshot.events.map((e) => e.id)).toEqual(['cin1-referral', 'cin1-closure', 'cin1-plan-1-start', 'cin1-plan-1-end', 'cin2-referral', 'cin2-s47-1-start', 'cin2-s47-2-start', 'cin2-s47-2-concluded']);
    expect(b!.snapshot.events.at(-1)).toMatchObject({ type: 'section-47-concluded', conferenceRequired: false, date: '2022-12-01' });
    for (const ruleSet of ruleSetIds) {
      for (const s of [a!.snapshot, b!.snapshot]) {
        const r = evaluate(s, { ruleSet, asOf: '2023-03-31' });
        for (const o of r.obligations) if (o.area === 'visits') expect(o.status).toBe('unknown');
      }
    }
    const icpc = evaluate(b!.snapshot, { ruleSet: 'england-statutory', asOf: '2023-03-31' }).obligations.filter((o) => o.ruleId === 'england-statutory.meetings-and-plans.initial-child-protection-conference');
    expect(icpc.map((o) => [o.anchor?.eventId, o.status])).toEqual([['cin2-s47-1-start', 'overdue'], ['cin2-s47-2-start', 'not-applicable']]);
    const visit = evaluate(a!.snapshot, { ruleSet: 'leeds-2023', asOf: '2023-03-31' }).obligations.find((o) => o.area === 'visits' && o.explanation.includes('CIN census'));
    expect(visit?.explanation).toMatch(/the CIN census does not record .*any visit/);
  });

  it('streams a large file child by child', async () => {
    const many = census(Array.from({ length: 3000 }, (_, i) => child(`C${i}`, '2014-02-03', `<CINdetails><CINreferralDate>2022-05-20</CINreferralDate>${S47('2022-05-27', '2022-06-17', '2022-06-17')}</CINdetails>`)).join(''));
    const chunks = (async function* () {
      for (let i = 0; i < many.length; i += 65_536) yield many.slice(i, i + 65_536);
    })();
    const { children } = await collect(importCinCensus([{ name: 'big.xml', chunks }]));
    expect(children.map((c) => c.caseId)).toEqual(Array.from({ length: 3000 }, (_, i) => `C${i}`));
  }, 60_000);

  it('gives a coded problem for a malformed date and keeps the rest of the child', async () => {
    const { children } = await collect(importCinCensus([fileFromText('c.xml', census(child('D4', '2016-04-04', '<CINdetails><CINreferralDate>2022-13-45</CINreferralDate><CINPlanDates><CINPlanStartDate>2022-06-01</CINPlanStartDate></CINPlanDates></CINdetails>')))]));
    const [c] = children;
    expect(c!.problems.map((p) => [p.code, p.column, p.element])).toEqual([['invalid-date', 'CINreferralDate', 'Message/Children/Child/CINdetails/CINreferralDate']]);
    expect(c!.kind === 'snapshot' && c!.snapshot.events.map((e) => e.type)).toEqual(['child-in-need-plan-started']);
  });
});

describe('reconciling the census InitialCPCtarget with our due date', () => {
  it('names a bank holiday the council system did not count, and is silent where the dates agree', async () => {
    const cal = englandAndWales();
    const ours = cal.addWorkingDays('2022-05-27', 15);
    expect(ours).toBe('2022-06-21'); // 2 and 3 June 2022 were bank holidays
    const xml = census(child('E5', '2015-06-01', `<CINdetails><CINreferralDate>2022-05-20</CINreferralDate>${S47('2022-05-27', '2022-06-20', '2022-06-17')}${S47('2022-09-01', '2022-09-20', cal.addWorkingDays('2022-09-01', 15))}</CINdetails>`));
    const { children } = await collect(importCinCensus([fileFromText('c.xml', xml)]));
    const rows = reconcile(children[0]!, { ruleSet: 'england-statutory', asOf: '2023-03-31' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ caseId: 'E5', field: 'InitialCPCtarget', ours: '2022-06-21', theirs: '2022-06-17', workingDays: -2, anchor: { eventId: 'cin1-s47-1-start', date: '2022-05-27' } });
    expect(rows[0]!.reason).toContain('weekdays without bank holidays');
    expect(rows[0]!.reason).toContain('2022-06-02');
    expect(rows[0]!.at.element).toBe('Message/Children/Child/CINdetails/Section47/InitialCPCtarget');
  });
});
