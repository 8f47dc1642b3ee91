import { describe, expect, it } from 'vitest';
import { importCinCensus } from '../../src/import/cin-census/index.js';
import { combineSources } from '../../src/import/combine.js';
import { fileFromText } from '../../src/import/files.js';
import { importSsda903 } from '../../src/import/ssda903/index.js';
import { evaluate, validateSnapshot } from '../../src/index.js';
import { collect } from './support/formats.js';

const census = (children: string) => `<Message><Children>${children}</Children></Message>`;
const cinChild = (id: string, dob: string) =>
  `<Child><ChildIdentifiers><LAchildID>${id}</LAchildID><PersonBirthDate>${dob}</PersonBirthDate></ChildIdentifiers><CINdetails><CINreferralDate>2022-05-20</CINreferralDate><Section47><S47ActualStartDate>2022-05-27</S47ActualStartDate><DateOfInitialCPC>2022-06-20</DateOfInitialCPC></Section47></CINdetails></Child>`;
const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,1,01/06/2015,WBRI,X,,\nB2,1,02/06/2015,WBRI,X,,\nC3,2,03/03/2013,WBRI,X,,\n';
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nA1,01/09/2022,S,C1,N1,U6,PR1,,,,,,\nC3,01/09/2022,S,V2,N1,U6,PR1,,,,,,\n';
const REVIEWS = 'CHILD,DOB,REVIEW,REVIEW_CODE\nA1,01/06/2015,20/09/2022,PN1\n';

async function combined() {
  return collect(
    combineSources([
      { name: 'cin-census', entries: importCinCensus([fileFromText('census.xml', census(cinChild('A1', '2015-06-01') + cinChild('B2', '2015-06-03') + cinChild('D4', '2016-01-01')))]) },
      { name: 'ssda903', entries: importSsda903([fileFromText('header.csv', HEADER), fileFromText('episodes.csv', EPISODES), fileFromText('reviews.csv', REVIEWS)]) },
    ]),
  );
}

describe('combining the CIN census with the SSDA903 return', () => {
  it('merges the same child into one snapshot that both sources inform, and accounts for every child once', async () => {
    const { children } = await combined();
    expect(children.map((c) => [c.caseId, c.kind])).toEqual([['A1', 'snapshot'], ['B2', 'error'], ['D4', 'snapshot'], ['C3', 'snapshot']]);
    const a = children[0]!;
    if (a.kind !== 'snapshot') throw new Error('expected a snapshot');
    validateSnapshot(a.snapshot);
    expect(a.snapshot.events.map((e) => e.id)).toEqual(['cin-census:cin1-referral', 'cin-census:cin1-s47-1-start', 'cin-census:cin1-s47-1-icpc', 'ssda903:care-2022-09-01', 'ssda903:placement-1-start', 'ssda903:review-2022-09-20']);
    expect(a.snapshot.supply!.source).toBe('the CIN census and the SSDA903 return');
    const report = evaluate(a.snapshot, { ruleSet: 'england-statutory', asOf: '2023-03-31' });
    const status = (id: string) => report.obligations.find((o) => o.ruleId === id)?.status;
    expect(status('england-statutory.meetings-and-plans.initial-child-protection-conference')).toBe('met');
    expect(status('england-statutory.reviews.looked-after-first-review')).toBe('met');
    expect(report.obligations.filter((o) => o.area === 'visits').every((o) => o.status === 'unknown')).toBe(true);
  });

  it('makes two dates of birth a coded error on that child, not a silent choice', async () => {
    const { children } = await combined();
    const b = children.find((c) => c.caseId === 'B2')!;
    expect(b.kind).toBe('error');
    expect(b.problems.map((p) => [p.code, p.column])).toEqual([['conflicting-fact', 'dateOfBirth']]);
    expect(b.problems[0]!.message).not.toMatch(/2015/);
  });
});
