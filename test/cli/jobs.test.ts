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

const files = tempFiles({ 'mixed.jsonl': mixedInput(), 'cases.csv': CASES_CSV });
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

  it('refuses a --jobs that is not a whole number from 1 to 256', async () => {
    for (const bad of ['0', 'two', '1.5', '257']) {
      const r = await cli(['evaluate', files.path('cases.csv'), ...LEEDS, '--jobs', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--jobs must be a whole number from 1 to 256/);
    }
  });
});
