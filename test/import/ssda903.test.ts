import { describe, expect, it } from 'vitest';
import { fileFromPath, fileFromText } from '../../src/import/files.js';
import type { ImportResult } from '../../src/import/problem.js';
import { importSsda903 } from '../../src/import/ssda903/index.js';
import { evaluate, ruleSetIds, validateSnapshot, type CaseSnapshot } from '../../src/index.js';
import { collect, FORMATS, formatText, schemaCodes } from './support/formats.js';

const CSV_FILES = ['fake-header.csv', 'fake-episodes.csv', 'fake-reviews.csv', 'fake-missing.csv', 'fake-sw_episodes.csv'];

function childIds(text: string): Set<string> {
  return new Set(text.split('\n').slice(1).filter((l) => l.trim() !== '').map((l) => l.replace(/^\uFEFF/, '').split(',')[0]!));
}

const snapshots = (children: ImportResult[]) => children.flatMap((c) => (c.kind === 'snapshot' ? [c.snapshot] : []));

describe('the synthetic SSDA903 return (CSV files)', async () => {
  const { children, loose } = await collect(importSsda903(CSV_FILES.map((f) => fileFromPath(`${FORMATS}ssda903/${f}`))));

  it('accounts for every child in every file exactly once, as a snapshot or an error', () => {
    const inFiles = new Set(CSV_FILES.flatMap((f) => [...childIds(formatText(`ssda903/${f}`))]));
    const out = children.map((c) => c.caseId);
    expect(new Set(out).size).toBe(out.length);
    expect(new Set(out)).toEqual(inFiles);
    expect(childIds(formatText('ssda903/fake-header.csv')).size).toBe(2675);
    expect(children.filter((c) => c.kind === 'snapshot')).toHaveLength(2675);
    // The social worker file names a child the header does not: an orphan, an error.
    expect(children.filter((c) => c.kind === 'error').map((c) => c.problems.map((p) => p.code))).toEqual([['orphan-row']]);
    expect(loose).toEqual([]);
  });

  it('maps every episode and review it can, and names file, line and column for each it cannot', () => {
    const snaps = snapshots(children);
    const reviews = snaps.reduce((n, s) => n + s.events.filter((e) => e.type === 'looked-after-review').length, 0);
    const reviewProblems = children.flatMap((c) => c.problems).filter((p) => p.file === 'fake-reviews.csv').length;
    expect(reviews + reviewProblems).toBe(12_582);
    for (const p of children.flatMap((c) => c.problems)) {
      expect(p.file).toMatch(/^fake-/);
      expect(p.line).toBeGreaterThan(1);
      expect(p.column).toMatch(/^[A-Z_]+$/);
    }
  });

  it('gives snapshots that validate and evaluate under all three rule sets, judging no visit duty', () => {
    const snaps = snapshots(children);
    for (const s of snaps) validateSnapshot(s);
    for (const ruleSet of ruleSetIds) {
      let obligations = 0;
      for (const s of snaps) {
        const report = evaluate(s, { ruleSet, asOf: '2018-03-31' });
        obligations += report.obligations.length;
        for (const o of report.obligations) {
          if (o.area === 'visits') expect(o.status, o.explanation).toBe('unknown');
        }
      }
      expect(obligations).toBeGreaterThan(snaps.length);
    }
    const report = evaluate(snaps[0]!, { ruleSet: 'leeds-2023', asOf: '2018-03-31' });
    expect(report.obligations.find((o) => o.area === 'visits')!.explanation).toMatch(/the SSDA903 return does not record .*any visit/);
  }, 120_000);
});

describe('the synthetic SSDA903 return (XML)', () => {
  it('streams every child element into a snapshot or an error', { timeout: 60_000 }, async () => {
    const xml = formatText('ssda903/fake_903.xml');
    const ids = [...xml.matchAll(/<CHILDID>([^<]*)<\/CHILDID>/g)].map((m) => m[1]);
    const { children, loose } = await collect(importSsda903([fileFromPath(`${FORMATS}ssda903/fake_903.xml`)]));
    expect(loose).toEqual([]);
    expect(children.map((c) => c.caseId)).toEqual(ids);
    const episodes = (xml.match(/<EPISODE>/g) ?? []).length;
    const placed = snapshots(children).reduce((n, s) => n + s.events.filter((e) => e.type === 'placement-started' || e.type === 'placement-changed').length, 0);
    const placeProblems = children.flatMap((c) => c.problems).filter((p) => p.column === 'PLACE').length;
    expect(placed + placeProblems).toBeLessThanOrEqual(episodes);
    for (const p of children.flatMap((c) => c.problems)) expect(p.element).toMatch(/^EXPSSDA903\/CHILD\[\d+\]\/(EPISODE|HEADER|AREVIEW|AMISSING)/);
  });
});

async function one(episodes: string, header = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/02/2010,WBRI,A1,,\n'): Promise<ImportResult> {
  const { children } = await collect(importSsda903([fileFromText('h.csv', header), fileFromText('e.csv', `CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n${episodes}`)]));
  expect(children).toHaveLength(1);
  return children[0]!;
}

function events(r: ImportResult): CaseSnapshot['events'] {
  if (r.kind !== 'snapshot') throw new Error('expected a snapshot');
  return r.snapshot.events;
}

// The reading of each placement code, written out here independently of the importer's table.
const PLACE_EXPECTED: Readonly<Record<string, string | null>> = {
  A3: 'adoptive', A4: 'adoptive', A5: 'adoptive', A6: 'adoptive', H5: 'other', K1: 'residential', K2: 'residential',
  P1: 'placed-with-parents-care-order', P2: 'other', P3: 'other', R1: 'residential', R2: 'health-setting', R3: 'other',
  R5: 'young-offender-institution', S1: 'residential-school', T0: null, T1: null, T2: null, T3: null, T4: null,
  U1: 'connected-person', U2: 'connected-person', U3: 'connected-person', U4: 'foster', U5: 'foster', U6: 'foster', Z1: 'other',
};
const LS_EXPECTED: Readonly<Record<string, string>> = {
  C1: 'interim-care-order', C2: 'care-order', D1: 'placement-order', E1: 'placement-order', V2: 'section-20', V3: 'section-20', V4: 'section-20',
  L1: 'police-protection', L2: 'other', L3: 'other', J1: 'remand', J2: 'other', J3: 'other',
};

describe('code mappings, one fixture per code', () => {
  const yaml = formatText('ssda903/SSDA903_schema_2024.yml');

  it('covers every PLACE and LS code of the 2024 schema', () => {
    expect(Object.keys(PLACE_EXPECTED).sort()).toEqual(schemaCodes(yaml, 'Episodes', 'PLACE').sort());
    expect(Object.keys(LS_EXPECTED).sort()).toEqual(schemaCodes(yaml, 'Episodes', 'LS').sort());
  });

  for (const [code, kind] of Object.entries(PLACE_EXPECTED)) {
    it(`PLACE ${code} → ${kind ?? 'not a placement (a temporary move)'}`, async () => {
      const r = await one(`C1,01/04/2017,S,C2,N1,${code},PR1,,,,,,\n`);
      const placed = events(r).filter((e) => e.type === 'placement-started');
      if (kind === null) {
        expect(placed).toEqual([]);
        expect(r.problems.map((p) => [p.code, p.column, p.line])).toEqual([['unmapped-code', 'PLACE', 2]]);
      } else {
        expect(placed).toMatchObject([{ kind, date: '2017-04-01' }]);
        expect(r.problems).toEqual([]);
      }
    });
  }

  it('PLACE P1 under an interim care order is a placement with parents under one; under section 20 it is other', async () => {
    expect(events(await one('C1,01/04/2017,S,C1,N1,P1,PR1,,,,,,\n')).find((e) => e.type === 'placement-started')).toMatchObject({ kind: 'placed-with-parents-interim-care-order' });
    expect(events(await one('C1,01/04/2017,S,V2,N1,P1,PR1,,,,,,\n')).find((e) => e.type === 'placement-started')).toMatchObject({ kind: 'other' });
  });

  for (const [code, status] of Object.entries(LS_EXPECTED)) {
    it(`LS ${code} → ${status}`, async () => {
      const r = await one(`C1,01/04/2017,S,${code},N1,U6,PR1,,,,,,\n`);
      expect(events(r).find((e) => e.type === 'became-looked-after')).toMatchObject({ legalStatus: status, date: '2017-04-01' });
      expect(r.problems).toEqual([]);
    });
  }

  it('a temporary move keeps the placement before it; a new carer starts a new placement; the same carer changes it; care ends unless REC is X1', async () => {
    const r = await one(
      [
        'C1,01/04/2017,S,C2,N1,U6,PR1,01/05/2017,X1,,,,',
        'C1,01/05/2017,P,C2,N1,T2,PR1,08/05/2017,X1,,,,',
        'C1,08/05/2017,P,C2,N1,U4,PR1,01/06/2017,X1,,,,',
        'C1,01/06/2017,T,C2,N1,U1,PR1,01/07/2017,X1,,,,',
        'C1,01/07/2017,L,E1,N1,U1,PR1,01/08/2017,E11,,,,',
      ].join('\n') + '\n',
    );
    expect(events(r).map((e) => [e.type, e.date, 'placementId' in e ? e.placementId : ''])).toEqual([
      ['became-looked-after', '2017-04-01', ''],
      ['placement-started', '2017-04-01', 'placement-1'],
      ['placement-ended', '2017-05-08', 'placement-1'],
      ['placement-started', '2017-05-08', 'placement-2'],
      ['placement-changed', '2017-06-01', 'placement-2'],
      ['placement-ended', '2017-08-01', 'placement-2'],
      ['ceased-looked-after', '2017-08-01', ''],
    ]);
  });

  it('a child whose first episode is not a start was in care before the records: its start and first review are not judged', async () => {
    const r = await one('C1,01/04/2017,P,C2,N1,U6,PR1,,,,,,\n');
    if (r.kind !== 'snapshot') throw new Error('expected a snapshot');
    expect(r.snapshot.supply!.events.map((e) => e.type)).not.toContain('became-looked-after');
    const first = evaluate(r.snapshot, { ruleSet: 'england-statutory', asOf: '2018-03-31' }).obligations.find((o) => o.ruleId === 'england-statutory.reviews.looked-after-first-review')!;
    expect(first.status).toBe('unknown');
  });
});

describe('bad input', () => {
  it('gives coded problems naming file, line and column, never the value, and the rest of the child goes on', async () => {
    const r = await one(['C1,01/04/2017,S,Q9,N1,U6,PR1,,,,,,', 'C1,31/02/2017,P,C2,N1,U6,PR1,,,,,,', 'C1,01/05/2017,P,C2,N1,XX,PR1,,,,,,', 'C1,01/06/2017,P,C2,N1,U4,PR1,,,,,,'].join('\n') + '\n');
    expect(r.problems.map((p) => [p.code, p.file, p.line, p.column])).toEqual([
      ['invalid-date', 'e.csv', 3, 'DECOM'],
      ['unknown-code', 'e.csv', 2, 'LS'],
      ['unknown-code', 'e.csv', 4, 'PLACE'],
    ]);
    for (const p of r.problems) expect(p.message).not.toMatch(/Q9|XX|31\/02/);
    expect(events(r).filter((e) => e.type === 'placement-started')).toHaveLength(2);
  });

  it('a 1966 birth is kept (ages need no working days); an event outside the calendar, or a birth before 1900, is a coded problem', async () => {
    const old = await one('C1,01/04/1970,S,C2,N1,U6,PR1,,,,,,\nC1,01/04/2017,S,C2,N1,U6,PR1,,,,,,\n', 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/02/1966,WBRI,A1,,\n');
    expect(old.kind).toBe('snapshot');
    expect(old.problems.map((p) => [p.code, p.line, p.column])).toEqual([['date-outside-calendar', 2, 'DECOM']]);
    const ancient = await one('C1,01/04/2017,S,C2,N1,U6,PR1,,,,,,\n', 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/02/1899,WBRI,A1,,\n');
    expect(ancient.kind).toBe('error');
    expect(ancient.problems.map((p) => [p.code, p.line, p.column])).toEqual([['date-outside-calendar', 2, 'DOB'], ['no-date-of-birth', 2, 'DOB']]);
  });

  it('a file that is not a table of the return is a loose problem; the other files go on', async () => {
    const { children, loose } = await collect(importSsda903([fileFromText('x.csv', 'A,B\n1,2\n'), fileFromText('h.csv', 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/02/2010,WBRI,A1,,\n')]));
    expect(loose).toMatchObject([{ kind: 'problem', problem: { code: 'missing-column', file: 'x.csv' } }]);
    expect(children.map((c) => c.kind)).toEqual(['snapshot']);
  });

  it('broken XML keeps the children before the break and names where it broke', async () => {
    const { children, loose } = await collect(importSsda903([fileFromText('r.xml', '<EXPSSDA903><CHILD><HEADER><CHILDID>7</CHILDID><DOB>01/02/2010</DOB></HEADER></CHILD><CHILD><HEADER><CHILDID>8</CHILD></EXPSSDA903>')]));
    expect(children.map((c) => c.caseId)).toEqual(['7']);
    expect(loose).toMatchObject([{ problem: { code: 'unreadable-file', file: 'r.xml' } }]);
  });
});
