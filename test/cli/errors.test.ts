import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, jsonLines, RULES_FILE, tempFiles } from './support/cli.js';

// Every obligation its own row (--detail full), so that rows and records line up as before.
const BASE = ['--rules-file', RULES_FILE, '--as-of', '2024-04-09', '--detail', 'full'];
const good = (caseId: string) => JSON.stringify({ caseId, child: { dateOfBirth: '2015-02-03' }, events: [{ id: 'r', type: 'referral', date: '2024-03-01' }] });

// Values that must never appear in any output: they stand for personal data in a bad record.
const SECRET_NAME = 'Jane Secretname';
const BAD_DATE = '2015-02-30';

const JSONL_LINES = [
  good('ok-1'),
  `{"caseId":"X-1","child":{"name":"${SECRET_NAME}","dateOfBirth":"2015-02-03"`, // broken JSON
  '',
  JSON.stringify({ caseId: 'X-2', child: { dateOfBirth: BAD_DATE }, events: [] }), // invalid date
  JSON.stringify({ caseId: 'X-3', child: { dateOfBirth: '2015-02-03' }, events: [{ id: 'x1', type: 'referral', date: '2024-01-08' }, { id: 'x2', type: 'home-visit', date: '2024-01-09' }] }),
  JSON.stringify({ child: { dateOfBirth: '2015-02-03' }, events: [] }), // no case id
  good('ok-2'),
  good('ok-1'), // the same case again
];

const CSV_TEXT = [
  'caseId,team,dateOfBirth,eventId,type,date,mode',
  'P-1,east,05/01/2015,p1,referral,2024-01-08,', // 2: ambiguous date
  'P-2,east,2015-01-05,p2,referral,=TODAY(),', // 3: a formula where a date should be
  ',east,2015-01-05,p3,referral,2024-01-08,', // 4: no case id: taken as P-2's
  'P-3,west,2015-01-05,p4,referral,2024-01-08,', // 5
  'P-3,west,2015-01-05,p5,visit,2024-01-09,in-person', // 6
  'P-4,west,2016-01-01,p6,visit,2024-01-09,', // 7: a visit needs a mode
  'P-3,west,2015-01-05,p7,visit,2024-01-10,in-person', // 8: P-3 again, apart from its rows
  'P-5,west,2015-01-05,p8,referral,2024-01-08,in-person', // 9: mode does not apply to a referral
  `P-6,"=cmd|' /C calc'!A0",2015-01-05,p9,referral,2024-03-01,`, // 10: a formula in the team cell, otherwise fine
  'P-7,west,2015-01-05,p10,referral', // 11: too few cells
  '',
].join('\n');

const files = tempFiles({ 'bad.jsonl': JSONL_LINES.join('\n'), 'bad.csv': CSV_TEXT, 'header.csv': 'caseId,surname,dateOfBirth\nQ-1,Smith,2015-01-01\n', 'quote.csv': 'caseId,dateOfBirth,eventId,type,date\nR-1,2015-01-01,r1,referral,2024-01-08\nR-2,2015-01-01,"r2,referral,2024-01-08\nR-3,2015-01-01,r3,referral,2024-01-08\n' });
afterAll(() => files.remove());

describe('bad records', () => {
  it('become error rows naming the line, the case id and each problem; the run goes on', async () => {
    const r = await cli(['evaluate', files.path('bad.jsonl'), ...BASE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('7 read, 2 evaluated, 5 rejected\n');
    const rows = jsonLines(r.stdout);
    const errors = rows.filter((x) => x.row === 'error');
    expect(errors).toEqual([
      { row: 'error', line: 2, caseId: 'X-1', problems: [expect.objectContaining({ code: 'invalid-json', path: '' })] },
      { row: 'error', line: 4, caseId: 'X-2', problems: [expect.objectContaining({ code: 'invalid-date', path: 'child.dateOfBirth' })] },
      { row: 'error', line: 5, caseId: 'X-3', problems: [expect.objectContaining({ code: 'unknown-event-type', path: 'events[1].type' })] },
      { row: 'error', line: 6, caseId: null, problems: [expect.objectContaining({ code: 'missing-field', path: 'caseId' })] },
      { row: 'error', line: 8, caseId: 'ok-1', problems: [expect.objectContaining({ code: 'duplicate-case-id', path: 'caseId' })] },
    ]);
    // The good records were evaluated, in input order around the errors.
    expect(rows.map((x) => (x.row === 'error' ? `error ${String(x.line)}` : x.caseId))).toEqual(['ok-1', 'ok-1', 'error 2', 'error 4', 'error 5', 'error 6', 'ok-2', 'ok-2', 'error 8']);
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain(SECRET_NAME);
      expect(text).not.toContain(BAD_DATE);
      expect(text).not.toContain('home-visit');
    }
  });

  it('--allow-errors keeps the error rows but exits 0', async () => {
    const strict = await cli(['evaluate', files.path('bad.jsonl'), ...BASE]);
    const lenient = await cli(['evaluate', files.path('bad.jsonl'), ...BASE, '--allow-errors']);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toBe(strict.stdout);
    expect(lenient.stderr).toBe(strict.stderr);
  });

  it('--quiet still says how many were rejected', async () => {
    const r = await cli(['evaluate', files.path('bad.jsonl'), ...BASE, '--quiet']);
    expect(r.stderr).toBe('7 read, 2 evaluated, 5 rejected\n');
    const clean = await cli(['evaluate', '-', ...BASE, '--quiet'], { stdin: good('ok') });
    expect(clean.stderr).toBe('');
  });

  it('in CSV: ambiguous dates, formulas, missing case ids, scattered rows and misplaced columns, each at its line', async () => {
    const r = await cli(['evaluate', files.path('bad.csv'), ...BASE, '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('8 read, 2 evaluated, 6 rejected\n');
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    const errors = rows.filter((x) => x.row === 'error').map((x) => [x.caseId, x.line, x.problemCode, x.problemPath, x.problemLine]);
    expect(errors).toEqual([
      ['P-1', '2', 'ambiguous-date', 'child.dateOfBirth', '2'],
      ['P-2', '3', 'missing-field', 'caseId', '4'],
      ['P-2', '3', 'invalid-date', 'events[0].date', '3'],
      ['P-4', '7', 'missing-field', 'events[0].mode', '7'],
      ['P-3', '8', 'duplicate-case-id', 'caseId', '8'],
      ['P-5', '9', 'column-not-for-event-type', 'events[0].mode', '9'],
      ['P-7', '11', 'csv-row-length', '', '11'],
    ]);
    const ambiguous = rows.find((x) => x.problemCode === 'ambiguous-date')!;
    expect(ambiguous.problemMessage).toMatch(/YYYY-MM-DD.*not guessed/);
    // P-3's first rows and P-6 were evaluated; P-6's team cell is escaped in the output.
    const obligations = rows.filter((x) => x.row === 'obligation');
    expect([...new Set(obligations.map((x) => x.caseId))]).toEqual(['P-3', 'P-6']);
    expect(obligations.find((x) => x.caseId === 'P-6')!.team).toBe(`'=cmd|' /C calc'!A0`);
    expect(r.stdout).not.toContain('05/01/2015');
    expect(r.stdout).not.toContain('=TODAY()');
  });

  it('refuses a CSV header with a column that is not a snapshot column, without echoing it', async () => {
    const r = await cli(['evaluate', files.path('header.csv'), ...BASE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/column 2 is not a snapshot column. Accepted columns: caseId, team, worker, dateOfBirth/);
    expect(r.stderr).not.toContain('surname');
    expect(r.stdout).toBe('');
  });

  it('rejects only the row with a CSV quote that is never closed, naming its line and case, and reads on', async () => {
    const r = await cli(['validate', files.path('quote.csv'), '--format', 'jsonl']);
    expect(r.code).toBe(1);
    const rows = jsonLines(r.stdout);
    expect(rows).toEqual([{ row: 'error', line: 3, caseId: 'R-2', problems: [expect.objectContaining({ code: 'csv-syntax', line: 3 })] }]);
    expect(r.stderr).toBe('3 read, 2 valid, 1 rejected\n');
  });

  it('reports a JSON array record that is not valid JSON and reads the ones after it', async () => {
    const text = `[\n${good('j-1')},\n{"caseId": "j-2", "child": {"dateOfBirth": "2015-02-03"} "events": []},\n${good('j-3')}\n]\n`;
    const r = await cli(['evaluate', '-', ...BASE, '--only', 'due'], { stdin: text });
    const rows = jsonLines(r.stdout);
    expect(rows.map((x) => (x.row === 'error' ? `error ${String(x.line)} ${String(x.caseId)}` : x.caseId))).toEqual(['j-1', 'error 3 j-2', 'j-3']);
    expect(r.stderr).toBe('3 read, 2 evaluated, 1 rejected\n');
  });
});
