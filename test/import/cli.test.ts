import { describe, expect, it } from 'vitest';
import { cli } from '../cli/support/cli.js';
import { FORMATS } from './support/formats.js';

const FILES = ['fake-header.csv', 'fake-episodes.csv', 'fake-reviews.csv', 'fake-missing.csv', 'fake-sw_episodes.csv'].map((f) => `${FORMATS}ssda903/${f}`);

describe('practice-timescales import', () => {
  it('writes one snapshot a line and closes with children in = snapshots + errors', async () => {
    const r = await cli(['import', 'ssda903', ...FILES, '--quiet']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2675);
    expect(JSON.parse(lines[0]!)).toMatchObject({ caseId: '566910', supply: { source: 'the SSDA903 return' } });
    expect(r.stderr).toContain('Child CHILD10: not imported.');
    expect(r.stderr).toMatch(/fake-sw_episodes\.csv:2 column CHILD \(child CHILD10\): orphan-row/);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('ssda903: 2676 children in = 2675 snapshots + 1 error; 559 rows or cells left out; 0 file problems');
    expect(r.code).toBe(1);
    expect((await cli(['import', 'ssda903', ...FILES, '--quiet', '--allow-errors'])).code).toBe(0);
  }, 60_000);

  it('imports the Annex A workbook, naming the rows it leaves out by file, sheet, row and column', async () => {
    const r = await cli(['import', 'annex-a', `${FORMATS}annex-a/Annex_A.xlsx`]);
    const lines = r.stdout.trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ supply: { source: 'Annex A' } });
    expect(r.stderr).toMatch(/Annex_A\.xlsx \[List 10\] row \d column Date of Birth \(child \d+\): conflicting-fact/);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(`annex-a: ${lines.length + 5} children in = ${lines.length} snapshots + 5 errors; 0 rows or cells left out; 0 file problems`);
    expect(r.code).toBe(1);
  });

  it('refuses an unknown format and a missing file as usage errors', async () => {
    expect((await cli(['import', 'nope', FILES[0]!])).code).toBe(2);
    const r = await cli(['import', 'ssda903', `${FORMATS}ssda903/absent.csv`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no file');
  });
});

describe('evaluate and summary --from', () => {
  it('evaluate goes from the return to the breaches in one command, as the README shows', async () => {
    const r = await cli(['evaluate', '--from', 'ssda903', ...FILES, '--rules', 'leeds-2023', '--as-of', '2018-03-31', '--format', 'text', '--quiet', '--allow-errors']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Obligations as of 2018-03-31 under leeds-2023/);
    expect(r.stdout).toMatch(/UNKNOWN .*\[(leeds|england-statutory)\.visits\./);
    expect(r.stdout).toContain('the SSDA903 return does not record');
    expect(r.stdout).toMatch(/obligations shown for \d+ cases of 2675 evaluated; 1 record rejected/);
    expect(r.stdout).not.toMatch(/(OVERDUE|MET LATE) .*\[[a-z-]+\.visits\./);
  }, 120_000);

  it('summary reads the return too, and several files without --from are refused', async () => {
    const r = await cli(['summary', '--from', 'ssda903', ...FILES, '--rules', 'england-statutory', '--as-of', '2018-03-31', '--format', 'json', '--allow-errors']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2676 read, 2675 evaluated, 1 rejected');
    expect(r.stderr).toContain('ssda903: 2676 children in = 2675 snapshots + 1 error');
    const bad = await cli(['summary', ...FILES, '--rules', 'england-statutory', '--as-of', '2018-03-31']);
    expect(bad.code).toBe(2);
  }, 120_000);

  it('--assume takes only the assumptions the engine knows', async () => {
    const r = await cli(['evaluate', '--from', 'ssda903', FILES[0]!, '--rules', 'leeds-2023', '--as-of', '2018-03-31', '--assume', 'everything-fine']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('visits-in-person');
  });
});

describe('several --from, combined', () => {
  const CENSUS =
    '<Message><Children><Child><ChildIdentifiers><LAchildID>A1</LAchildID><PersonBirthDate>2015-06-01</PersonBirthDate></ChildIdentifiers><CINdetails><CINreferralDate>2022-05-20</CINreferralDate><Section47><S47ActualStartDate>2022-05-27</S47ActualStartDate><InitialCPCtarget>2022-06-17</InitialCPCtarget><DateOfInitialCPC>2022-06-20</DateOfInitialCPC></Section47></CINdetails></Child>' +
    '<Child><ChildIdentifiers><LAchildID>B2</LAchildID><PersonBirthDate>2015-06-03</PersonBirthDate></ChildIdentifiers></Child></Children></Message>';
  const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,1,01/06/2015,WBRI,X,,\nB2,1,02/06/2015,WBRI,X,,\nC3,2,03/03/2013,WBRI,X,,\n';
  const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nA1,01/09/2022,S,C1,N1,U6,PR1,,,,,,\nC3,01/09/2022,S,V2,N1,U6,PR1,,,,,,\n';

  async function files(): Promise<{ census: string; header: string; episodes: string }> {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'combine-'));
    const out = { census: join(dir, 'census.xml'), header: join(dir, 'header.csv'), episodes: join(dir, 'episodes.csv') };
    writeFileSync(out.census, CENSUS);
    writeFileSync(out.header, HEADER);
    writeFileSync(out.episodes, EPISODES);
    return out;
  }

  it('evaluate merges the same child from the CIN census and the SSDA903 return, and makes two dates of birth an error on that child', async () => {
    const f = await files();
    const r = await cli(['evaluate', '--from', 'cin-census', f.census, '--from', 'ssda903', f.header, f.episodes, '--rules', 'england-statutory', '--as-of', '2023-03-31', '--detail', 'full']);
    expect(r.code).toBe(1);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { caseId: string; ruleId?: string; status?: string; problems?: { code: string }[] });
    const a = rows.filter((o) => o.caseId === 'A1');
    expect(a.find((o) => o.ruleId === 'england-statutory.meetings-and-plans.initial-child-protection-conference')?.status).toBe('met');
    expect(a.find((o) => o.ruleId === 'england-statutory.reviews.looked-after-first-review')?.status).toBeDefined();
    expect(rows.filter((o) => o.caseId === 'B2').flatMap((o) => o.problems ?? []).map((p) => p.code)).toEqual(['conflicting-fact']);
    expect(r.stderr).toContain('cin-census + ssda903: 3 children in = 2 snapshots + 1 error');
  });

  it('reconcile reads the census due dates of a combined child', async () => {
    const f = await files();
    const r = await cli(['reconcile', '--from', 'cin-census', f.census, '--from', 'ssda903', f.header, f.episodes, '--rules', 'england-statutory', '--as-of', '2023-03-31']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\r\n')[1]).toMatch(/^A1,england-statutory\.meetings-and-plans\.initial-child-protection-conference,InitialCPCtarget,census\.xml,.*cin-census:cin1-s47-1-start,2022-05-27,2022-06-21,2022-06-17,-2,/);
  });

  it('refuses files before the first of several --from, a source without files, and a format given twice', async () => {
    const f = await files();
    const base = ['--rules', 'england-statutory', '--as-of', '2023-03-31'];
    for (const args of [
      [f.census, '--from', 'cin-census', f.census, '--from', 'ssda903', f.header],
      ['--from', 'cin-census', '--from', 'ssda903', f.header],
      ['--from', 'ssda903', f.header, '--from', 'ssda903', f.episodes],
    ]) {
      const r = await cli(['evaluate', ...args, ...base]);
      expect(r.code, args.join(' ')).toBe(2);
    }
  });
});

describe('practice-timescales reconcile', () => {
  it('lists the council due dates that differ from ours, with why', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'reconcile-'));
    const file = join(dir, 'census.xml');
    writeFileSync(
      file,
      '<Message><Children><Child><ChildIdentifiers><LAchildID>E5</LAchildID><PersonBirthDate>2015-06-01</PersonBirthDate></ChildIdentifiers><CINdetails><CINreferralDate>2022-05-20</CINreferralDate><Section47><S47ActualStartDate>2022-05-27</S47ActualStartDate><InitialCPCtarget>2022-06-17</InitialCPCtarget><DateOfInitialCPC>2022-06-20</DateOfInitialCPC></Section47></CINdetails></Child></Children></Message>',
    );
    const r = await cli(['reconcile', '--from', 'cin-census', file, '--rules', 'england-statutory', '--as-of', '2023-03-31']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('caseId,ruleId,field,file,element,anchorEventId,anchorDate,ours,theirs,workingDays,reason');
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(/^E5,england-statutory\.meetings-and-plans\.initial-child-protection-conference,InitialCPCtarget,census\.xml,.*,2022-06-21,2022-06-17,-2,.*bank holiday/);
    expect(r.stderr).toContain('cin-census: 1 child in = 1 snapshot + 0 errors');
  });
});
