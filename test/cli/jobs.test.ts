import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCaseload } from '../../src/index.js';
import { CASES_CSV } from './fixtures/caseload.js';
import { cli, jsonLines, RULES_FILE, tempFiles } from './support/cli.js';

const LEEDS = ['--rules', 'leeds-2023', '--as-of', '2024-04-09'];

/**
 * Generated cases with every kind of bad record among them: broken JSON, a snapshot the schema
 * refuses, a case given twice, a record with a field the schema does not know, a blank line, and
 * a worker's record among the children's.
 */
function mixedInput(): string {
  const lines = [...generateCaseload({ cases: 400, seed: 12 })].map((s) => JSON.stringify(s));
  lines.splice(3, 0, '{"caseId": "broken", ');
  lines.splice(50, 0, JSON.stringify({ caseId: 'bad-date', child: { dateOfBirth: '2015-02-30' }, events: [] }));
  lines.splice(120, 0, lines[10]!);
  lines.splice(200, 0, JSON.stringify({ caseId: 'extra', child: { dateOfBirth: '2015-02-03' }, events: [], surname: 'x' }), '');
  lines.splice(300, 0, JSON.stringify({ workerId: 'w-1', role: 'social-worker', startedOn: '2024-01-08', events: [] }));
  return `${lines.join('\n')}\n`;
}

/**
 * JSON Lines at the edges of how the --jobs reader cuts them into byte batches: a byte order mark,
 * CRLF line ends, bytes that are not UTF-8 (in a case id, and in a field), blank and space-only
 * lines, records across the reader's chunks and batches (256 KB each), a line over
 * --max-record-size 1 (a million characters), a line longer than that in bytes but not in
 * characters, and a last line without a line end.
 */
function edgeInput(): Buffer {
  const lines = [...generateCaseload({ cases: 300, seed: 7 })].map((s) => Buffer.from(JSON.stringify(s)));
  const child = { dateOfBirth: '2015-02-03' };
  const events = [{ id: 'r', type: 'referral', date: '2024-01-08' }];
  const text = (value: unknown) => Buffer.from(JSON.stringify(value));
  const invalidId = Buffer.concat([Buffer.from('{"caseId":"bad-'), Buffer.from([0xff, 0xc3]), Buffer.from('","child":{"dateOfBirth":"2015-02-03"},"events":[]}')]);
  const invalidField = Buffer.concat([Buffer.from('{"caseId":"bad-field","team":"t'), Buffer.from([0xe2, 0x82]), Buffer.from('","child":{"dateOfBirth":"2015-02-03"},"events":[]}')]);
  const tooLong = text({ caseId: 'too-long', child, events, note: 'x'.repeat(1_100_000) });
  const wide = text({ caseId: 'wide', child, events, note: 'é'.repeat(600_000) }); // 1.2 MB, 0.6 million characters
  const parts: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf])];
  lines.forEach((line, i) => {
    parts.push(line, Buffer.from(i % 3 === 0 ? '\r\n' : '\n'));
    if (i === 40) parts.push(invalidId, Buffer.from('\n\n'));
    if (i === 90) parts.push(Buffer.from('   \t\r\n'), invalidField, Buffer.from('\r\n'));
    if (i === 150) parts.push(tooLong, Buffer.from('\n'));
    if (i === 200) parts.push(wide, Buffer.from('\r\n'));
  });
  parts.push(lines[5]!); // a case given twice, on a last line without a line end
  return Buffer.concat(parts);
}

const files = tempFiles({ 'mixed.jsonl': mixedInput(), 'cases.csv': CASES_CSV });
writeFileSync(files.path('edges.jsonl'), edgeInput());
afterAll(() => files.remove());

describe('--jobs: worker threads', () => {
  it('evaluate writes the same output, in the same order, with the same closing counts, in one thread or two', async () => {
    for (const extra of [[], ['--detail', 'full', '--only', 'breaches'], ['--format', 'csv'], ['--format', 'text']]) {
      const one = await cli(['evaluate', files.path('mixed.jsonl'), ...LEEDS, ...extra, '--jobs', '1']);
      const two = await cli(['evaluate', files.path('mixed.jsonl'), ...LEEDS, ...extra, '--jobs', '2']);
      expect(two.stdout, extra.join(' ')).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
      expect(two.code).toBe(one.code);
    }
    const r = await cli(['evaluate', files.path('mixed.jsonl'), ...LEEDS, '--jobs', '2']);
    // Nothing lost: 405 records, each a case row or an error row (the warning row is extra).
    expect(r.stderr).toBe('405 read, 402 evaluated, 3 rejected, 1 with warnings\n');
    const rows = jsonLines(r.stdout);
    expect(rows.filter((x) => x.row === 'case')).toHaveLength(402);
    expect(rows.filter((x) => x.row === 'error').map((x) => (x.problems as { code: string }[])[0]!.code)).toEqual(['invalid-json', 'invalid-date', 'duplicate-case-id']);
  }, 120_000);

  it('a record the engine fails on in a worker comes back as an error row in its place', async () => {
    const worker = { workerId: 'w1', role: 'social-worker', startedOn: '2024-01-08', events: [] };
    const child = { caseId: 'c1', child: { dateOfBirth: '2015-01-01' }, events: [{ id: 'r', type: 'referral', date: '2024-03-01' }] };
    const stdin = [child, worker, { ...child, caseId: 'c2' }].map((x) => JSON.stringify(x)).join('\n');
    const r = await cli(['evaluate', '-', '--rules-file', RULES_FILE, '--as-of', '2024-04-09', '--jobs', '2'], { stdin });
    expect(r.stderr).toBe('3 read, 2 evaluated, 1 rejected\n');
    expect(jsonLines(r.stdout).filter((x) => x.row !== 'rule').map((x) => (x.row === 'error' ? (x.problems as { code: string }[])[0]!.code : x.caseId))).toEqual(['c1', 'no-rules-apply', 'c2']);
  }, 60_000);

  it('summary gives the same figures in one thread or two, and evaluate reads CSV the same way', async () => {
    for (const format of ['json', 'text', 'csv']) {
      const one = await cli(['summary', files.path('mixed.jsonl'), ...LEEDS, '--format', format, '--jobs', '1']);
      const two = await cli(['summary', files.path('mixed.jsonl'), ...LEEDS, '--format', format, '--jobs', '2']);
      expect(two.stdout, format).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
    }
    const base = ['--rules-file', RULES_FILE, '--as-of', '2024-04-09'];
    const one = await cli(['evaluate', files.path('cases.csv'), ...base, '--jobs', '1']);
    expect((await cli(['evaluate', files.path('cases.csv'), ...base, '--jobs', '2'])).stdout).toBe(one.stdout);
  }, 120_000);

  it('JSON Lines cut into byte batches for the workers read as in one thread: byte order mark, CRLF, bad bytes, blank lines, over-long lines, no final line end', async () => {
    const input = files.path('edges.jsonl');
    const runs: [string, string[]][] = [
      ['evaluate', ['--detail', 'full', '--only', 'breaches']],
      ['evaluate', []],
      ['summary', ['--format', 'json']],
    ];
    for (const [command, extra] of runs) {
      const args = [command, input, ...LEEDS, ...extra, '--max-record-size', '1'];
      const one = await cli([...args, '--jobs', '1']);
      const two = await cli([...args, '--jobs', '2']);
      expect(two.stdout, `${command} ${extra.join(' ')}`).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
      expect(two.code).toBe(one.code);
    }
    // The same bytes from stdin, and what they hold: every record back, as a case or an error row.
    const one = await cli(['evaluate', '-', ...LEEDS, '--max-record-size', '1', '--jobs', '1'], { stdin: readFileSync(input) });
    const two = await cli(['evaluate', '-', ...LEEDS, '--max-record-size', '1', '--jobs', '2'], { stdin: readFileSync(input) });
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe('305 read, 301 evaluated, 4 rejected, 1 with warnings\n');
    const errors = jsonLines(two.stdout).filter((x) => x.row === 'error').map((x) => `${x.line}:${(x.problems as { code: string }[])[0]!.code}`);
    expect(errors).toEqual(['42:invalid-utf8', '95:invalid-utf8', '156:record-too-large', '307:duplicate-case-id']);
  }, 180_000);

  it('refuses a --jobs that is not a whole number from 1 to 256', async () => {
    for (const bad of ['0', 'two', '1.5', '257']) {
      const r = await cli(['evaluate', files.path('cases.csv'), ...LEEDS, '--jobs', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--jobs must be a whole number from 1 to 256/);
    }
  });
});
