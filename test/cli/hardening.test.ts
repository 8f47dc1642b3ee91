import { describe, expect, it } from 'vitest';
import { readJsonLines } from '../../src/cli/input/jsonl.js';
import { cli, flatten, jsonLines, RULES_FILE, tempFiles } from './support/cli.js';

const BASE = ['--rules-file', RULES_FILE, '--as-of', '2024-04-09'];
const good = (caseId: string) => ({ caseId, child: { dateOfBirth: '2015-02-03' }, events: [{ id: 'r', type: 'referral', date: '2024-03-01' }] });
const csvRow = (caseId: string) => `${caseId},2015-02-03,r,referral,2024-03-01`;
const CSV_HEADER = 'caseId,dateOfBirth,eventId,type,date';

/** The error rows of JSON Lines output, as `line caseId code`. */
const errors = (stdout: string) => jsonLines(stdout).filter((r) => r.row === 'error').map((r) => `${String(r.line)} ${String(r.caseId)} ${(r.problems as { code: string }[]).map((p) => p.code).join('+')}`);

describe('CSV: a malformed row costs only itself', () => {
  const goods = (from: number, n: number) => Array.from({ length: n }, (_, i) => csvRow(`g${from + i}`));

  it('a stray quote in a cell: one error row with its line and case id; the 60 good cases are read', async () => {
    const text = [CSV_HEADER, ...goods(0, 50), 'bad-1,2015-02-03,r,ref"erral,2024-03-01', ...goods(50, 10), ''].join('\n');
    const r = await cli(['validate', '-', '--format', 'jsonl', '--input-format', 'csv'], { stdin: text });
    expect(errors(r.stdout)).toEqual(['52 bad-1 csv-syntax']);
    expect(r.stderr).toBe('61 read, 60 valid, 1 rejected\n');
  });

  it('an unclosed quote: the error is at the bad row; the case before it and the ones after are unaffected', async () => {
    const text = [CSV_HEADER, csvRow('a'), 'b,2015-02-03,"r,referral,2024-03-01', csvRow('c'), csvRow('d')].join('\n');
    const r = await cli(['evaluate', '-', ...BASE, '--input-format', 'csv'], { stdin: text });
    expect(errors(r.stdout)).toEqual(['3 b csv-syntax']);
    expect(new Set(flatten(jsonLines(r.stdout)).filter((x) => x.row === 'obligation').map((x) => x.caseId))).toEqual(new Set(['a', 'c', 'd']));
    expect(r.stderr).toBe('4 read, 3 evaluated, 1 rejected\n');
  });

  it('a malformed row with no legible case id is an error row of its own; between rows of one case it rejects that case', async () => {
    const text = [CSV_HEADER, csvRow('a'), '"x"y,"', csvRow('b'), 'b,2015-02-03,v,referral,2024-03-02', '"x"y,"', 'b,2015-02-03,w,referral,2024-03-03'].join('\n');
    const r = await cli(['validate', '-', '--format', 'jsonl', '--input-format', 'csv'], { stdin: text });
    expect(errors(r.stdout)).toEqual(['3 null csv-syntax', '6 null csv-syntax', '4 b unreadable-row-within-case']);
    expect(r.stderr).toBe('4 read, 1 valid, 3 rejected\n');
  });

  it('blank rows, as spreadsheets export them, are skipped', async () => {
    const text = [CSV_HEADER, csvRow('a'), ',,,,', '', csvRow('b'), ' , ,,,', ',,,,', ''].join('\r\n');
    const r = await cli(['validate', '-', '--format', 'jsonl', '--input-format', 'csv'], { stdin: text });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('2 read, 2 valid, 0 rejected\n');
  });
});

describe('JSON arrays: each element is one record, whatever it holds', () => {
  it('a broken element does not take the good ones after it', async () => {
    const text = `[${JSON.stringify(good('g0'))},{"caseId":"t1","events":[},${JSON.stringify(good('g1'))},${JSON.stringify(good('g2'))}]`;
    const r = await cli(['validate', '-', '--format', 'jsonl'], { stdin: text });
    expect(errors(r.stdout)).toEqual(['1 t1 invalid-json']);
    expect(r.stderr).toBe('4 read, 3 valid, 1 rejected\n');
  });

  it('a string holding a brace is one record, and the good ones after it are read', async () => {
    const text = `["a note {", ${JSON.stringify(good('g1'))}, ${JSON.stringify(good('g2'))}]`;
    const r = await cli(['validate', '-', '--format', 'jsonl'], { stdin: text });
    expect(errors(r.stdout)).toEqual(['1 null not-a-snapshot']);
    expect(r.stderr).toBe('3 read, 2 valid, 1 rejected\n');
  });

  it('numbers, null, strings and flags between good records are each an error row', async () => {
    const text = `[\n${JSON.stringify(good('g1'))},\n5,\nnull,\n"text",\ntrue,\n[1, {"a": "]"}],\n${JSON.stringify(good('g2'))}\n]\n`;
    const r = await cli(['validate', '-', '--format', 'jsonl'], { stdin: text });
    expect(errors(r.stdout)).toEqual(['3 null not-a-snapshot', '4 null not-a-snapshot', '5 null not-a-snapshot', '6 null not-a-snapshot', '7 null not-a-snapshot']);
    expect(r.stderr).toBe('7 read, 2 valid, 5 rejected\n');
  });

  it('a string never runs past its line: a stray quote costs one element', async () => {
    const text = `[\n${JSON.stringify(good('g1'))},\n{"caseId": "s1", "child": {"dateOfBirth": "2015-02-03}, "events": []},\n${JSON.stringify(good('g2'))}\n]\n`;
    const r = await cli(['validate', '-', '--format', 'jsonl'], { stdin: text });
    expect(errors(r.stdout)).toEqual(['3 s1 invalid-json']);
    expect(r.stderr).toBe('3 read, 2 valid, 1 rejected\n');
  });
});

describe('every record gets a row', () => {
  it('a worker snapshot under a rule set with no worker rules gets an error row', async () => {
    const worker = { workerId: 'w1', role: 'social-worker', startedOn: '2024-01-08', events: [] };
    const r = await cli(['evaluate', '-', ...BASE], { stdin: `${JSON.stringify(good('c1'))}\n${JSON.stringify(worker)}\n` });
    expect(errors(r.stdout)).toEqual(['2 w1 no-rules-apply']);
    expect(jsonLines(r.stdout).find((x) => x.row === 'error')!.problems).toEqual([expect.objectContaining({ message: expect.stringContaining('worker records') })]);
    expect(r.stderr).toBe('2 read, 1 evaluated, 1 rejected\n');
  });
});

describe('bytes that are not UTF-8', () => {
  it('are an error on their record, so two ids differing only in bad bytes never collide', async () => {
    const line = (id: Buffer) => Buffer.concat([Buffer.from('{"caseId":"K'), id, Buffer.from(`","child":{"dateOfBirth":"2015-02-03"},"events":[]}\n`)]);
    const files = tempFiles({});
    const { writeFileSync } = await import('node:fs');
    writeFileSync(files.path('bad.jsonl'), Buffer.concat([line(Buffer.from([0xff])), line(Buffer.from([0xfe])), Buffer.from(`${JSON.stringify(good('ok'))}\n`), line(Buffer.from([0xc3]))]));
    writeFileSync(files.path('bad.csv'), Buffer.concat([Buffer.from(`${CSV_HEADER}\n`), Buffer.from('K'), Buffer.from([0xff]), Buffer.from(',2015-02-03,r,referral,2024-03-01\n'), Buffer.from(`${csvRow('ok')}\n`)]));
    try {
      const j = await cli(['validate', files.path('bad.jsonl'), '--format', 'jsonl']);
      expect(errors(j.stdout)).toEqual(['1 null invalid-utf8', '2 null invalid-utf8', '4 null invalid-utf8']);
      expect(j.stderr).toBe('4 read, 1 valid, 3 rejected\n');
      const c = await cli(['validate', files.path('bad.csv'), '--format', 'jsonl']);
      expect(errors(c.stdout)).toEqual(['2 null invalid-utf8']);
      expect(c.stderr).toBe('2 read, 1 valid, 1 rejected\n');
    } finally {
      files.remove();
    }
  });

  it('a character cut between chunks is still read whole', async () => {
    const bytes = Buffer.from(`${JSON.stringify(good('é€😀'))}\n`);
    const at = bytes.indexOf(0xe2) + 1; // inside the euro sign
    async function* chunks() {
      const { Utf8Text } = await import('../../src/cli/input/utf8.js');
      const d = new Utf8Text();
      yield d.write(bytes.subarray(0, at));
      yield d.write(bytes.subarray(at));
      yield d.end();
    }
    const out = [];
    for await (const batch of readJsonLines(chunks())) out.push(...batch);
    expect(out.map((r) => r.caseId)).toEqual(['é€😀']);
  });
});

describe('nothing echoed', () => {
  it('an unknown key in an interval is not repeated in the error row', async () => {
    const snap = { ...good('v1'), variations: [{ kind: 'interval', id: 'va', ruleId: 'x', interval: { 'Jane Smith': 5 }, agreedBy: ['team-manager'], agreedOn: '2024-01-08' }] };
    for (const format of ['jsonl', 'csv', 'text']) {
      const r = await cli(['validate', '-', '--format', format], { stdin: `${JSON.stringify(snap)}\n` });
      expect(r.stdout).toContain('unrecognised-field');
      expect(r.stdout).toContain('variations[0].interval');
      expect(r.stdout).not.toContain('Jane');
    }
  });

  it('an error row lists at most 50 problems, the last saying how many more', async () => {
    const snap = { caseId: 'many', child: { dateOfBirth: '2015-02-03' }, events: Array.from({ length: 5000 }, (_, i) => ({ id: `e${i}`, type: 'referral', date: 'soon' })) };
    const r = await cli(['validate', '-', '--format', 'jsonl'], { stdin: `${JSON.stringify(snap)}\n` });
    const [row] = jsonLines(r.stdout);
    const problems = row!.problems as { code: string; message: string }[];
    expect(problems).toHaveLength(50);
    expect(problems.at(-1)).toMatchObject({ code: 'more-problems', message: expect.stringContaining('4951 more') });
    expect(r.stdout.length).toBeLessThan(20_000);
  });

  it('control characters in ids are escaped in text output, on stdout and stderr', async () => {
    const forged = 'c1\nCase evil · team x\n  OVERDUE\u001b[31m\u202e';
    const snap = { ...good(forged), team: 't\u0007' };
    const bad = { caseId: forged, child: { dateOfBirth: 'soon' }, events: [] };
    const r = await cli(['evaluate', '-', ...BASE, '--format', 'text'], { stdin: `${JSON.stringify(snap)}\n${JSON.stringify(bad)}\n` });
    for (const out of [r.stdout, r.stderr]) expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(r.stdout).toContain('Case c1\\u000aCase evil · team x\\u000a  OVERDUE\\u001b[31m\\u202e · team t\\u0007');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('Case ')).length).toBe(1);
    const s = await cli(['summary', '-', ...BASE], { stdin: `${JSON.stringify(snap)}\n${JSON.stringify(bad)}\n` });
    expect(s.stderr).toContain('(case c1\\u000aCase evil');
    for (const out of [s.stdout, s.stderr]) expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(s.stdout).toContain('Team t\\u0007');
    const u = await cli(['validate', 'no-such-file\u001b[2J.jsonl']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('no-such-file\\u001b[2J.jsonl');
  });
});

describe('a record larger than the limit', () => {
  it('is an error row naming its case, and the records after it are read', async () => {
    const huge = JSON.stringify({ ...good('big'), padding: 'x'.repeat(1_200_000) });
    for (const format of ['jsonl', 'json'] as const) {
      const text = format === 'jsonl' ? `${huge}\n${JSON.stringify(good('after'))}\n` : `[${huge},\n${JSON.stringify(good('after'))}]`;
      const r = await cli(['validate', '-', '--format', 'jsonl', '--max-record-size', '1', '--input-format', format], { stdin: text });
      expect(errors(r.stdout)).toEqual(['1 big record-too-large']);
      expect(r.stderr).toBe('2 read, 1 valid, 1 rejected\n');
    }
    const csv = `${CSV_HEADER}\n${csvRow('big')}${'x'.repeat(1_200_000)}\n${csvRow('after')}\n`;
    const c = await cli(['validate', '-', '--format', 'jsonl', '--max-record-size', '1', '--input-format', 'csv'], { stdin: csv });
    expect(errors(c.stdout)).toEqual(['2 big record-too-large']);
    expect(c.stderr).toBe('2 read, 1 valid, 1 rejected\n');
  });

  it('--max-record-size must be a whole number of millions', async () => {
    const r = await cli(['validate', '-', '--max-record-size', '0.5'], { stdin: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-record-size');
  });
});

describe('fields the schema does not know', () => {
  const misplaced = { ...good('m1'), events: [{ id: 'p', type: 'placement-started', date: '2024-01-08', placementId: 'pl', kind: 'foster', careLeaver: true, 'Jane Smith': 1 }] };
  const input = `${JSON.stringify(misplaced)}\n${JSON.stringify(good('ok'))}\n`;

  it('are a warning row naming the path (and where a known field belongs), counted in the closing line', async () => {
    const r = await cli(['evaluate', '-', ...BASE], { stdin: input });
    const warnings = jsonLines(r.stdout).filter((x) => x.row === 'warning');
    expect(warnings).toEqual([
      {
        row: 'warning',
        line: 1,
        caseId: 'm1',
        problems: [
          { code: 'unrecognised-field', path: 'events[0].careLeaver', message: expect.stringContaining('child.careLeaver') },
          { code: 'unrecognised-field', path: 'events[0]', message: expect.stringContaining('an unrecognised field') },
        ],
      },
    ]);
    expect(r.stdout).not.toContain('Jane');
    expect(r.stderr).toBe('2 read, 2 evaluated, 0 rejected, 1 with warnings\n');
    expect(r.code).toBe(0);
    const v = await cli(['validate', '-', '--format', 'text'], { stdin: input });
    expect(v.stdout).toContain('Line 1 (case m1): evaluated, but these fields were ignored');
    expect(v.stderr).toBe('2 read, 2 valid, 0 rejected, 1 with warnings\n');
  });

  it('with --strict, reject the record', async () => {
    const r = await cli(['evaluate', '-', ...BASE, '--strict'], { stdin: input });
    expect(errors(r.stdout)).toEqual(['1 m1 unrecognised-field+unrecognised-field']);
    expect(r.stderr).toBe('2 read, 1 evaluated, 1 rejected\n');
    expect(r.code).toBe(1);
  });
});

describe('the CSV cell splitter, against csv-parse (the reader it replaced)', () => {
  it('splits every well-formed row as csv-parse does, quotes, commas and spaces included', async () => {
    const { parse } = await import('csv-parse/sync');
    const { splitCells } = await import('../../src/cli/input/csv.js');
    const { default: fc } = await import('fast-check');
    const cell = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ''));
    const written = fc.tuple(cell, fc.boolean()).map(([text, quoted]) => (quoted || /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text));
    fc.assert(
      fc.property(fc.array(written, { minLength: 1, maxLength: 8 }), (cells) => {
        const line = cells.join(',');
        const split = splitCells(line);
        const expected = (parse(line, { trim: true, relax_column_count: true }) as string[][])[0] ?? [''];
        expect('cells' in split ? split.cells : split).toEqual(expected.length === 0 ? [''] : expected);
      }),
      { numRuns: 500 },
    );
  });
});
