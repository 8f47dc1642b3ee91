import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES_JSONL } from '../cli/fixtures/caseload.js';
import { cli, RULES_FILE, tempFiles } from '../cli/support/cli.js';
import { EXAMPLE } from './helpers.js';

const BASE = ['--rules-file', RULES_FILE, '--as-of', '2024-04-09'];
const files = tempFiles({ 'cases.jsonl': CASES_JSONL });
afterAll(() => files.remove());

describe('practice-timescales report', () => {
  it('writes the page to the file named by -o, and says where on stderr', async () => {
    const r = await cli(['report', EXAMPLE, '--rules', 'leeds-2023', '--as-of', '2024-04-09', '-o', 'out.html'], { cwd: files.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Report written to out\.html \(\d[\d,]* kB\)\.\n12 read, 12 evaluated, 0 rejected\n$/);
    const html = readFileSync(files.path('out.html'), 'utf8');
    expect(html).toContain('<h1>Practice timescales: caseload report</h1>');
    expect(html).toMatch(/<dt>Children<\/dt><dd class="big">12<\/dd>/);
  });

  it('writes to stdout without -o, and keeps only the teams named', async () => {
    const all = await cli(['report', files.path('cases.jsonl'), ...BASE]);
    const west = await cli(['report', files.path('cases.jsonl'), ...BASE, '--team', 'west']);
    expect(all.stdout).toMatch(/<dt>Children<\/dt><dd class="big">5<\/dd>/);
    expect(west.stdout).toMatch(/<dt>Children<\/dt><dd class="big">2<\/dd>/);
    expect(west.stdout).toContain('(only team west)');
    expect(west.stdout).not.toMatch(/data-team="t:east"/);
  });

  it('counts rejected records in the page and on stderr, and exits 1', async () => {
    const r = await cli(['report', '-', ...BASE], { stdin: `${CASES_JSONL}{"caseId":"Z","child":{"dateOfBirth":"2015-13-01"},"events":[]}\n` });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Line 6 \(case Z\): rejected/);
    expect(r.stdout).toContain('1 record could not be read and is in no figure');
  });

  it('sets the planner and the thresholds, and refuses what it cannot use', async () => {
    const r = await cli(['report', files.path('cases.jsonl'), ...BASE, '--due-within', '15wd', '--thresholds', '95,80']);
    expect(r.stdout).toContain('Coming due: the next 15 working days');
    expect(r.stdout).toContain('green at 95% on time or more, amber from 80% to below 95%, red below 80%');
    for (const [args, message] of [
      [['--thresholds', '70,80'], /--thresholds: .*amber one no higher than the green/],
      [['--thresholds', 'high'], /--thresholds/],
      [['--due-within', '2w'], /--due-within takes a number of working days/],
      [['--team', ','], /--team needs at least one name/],
    ] as const) {
      const bad = await cli(['report', files.path('cases.jsonl'), ...BASE, ...args]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(message);
    }
  });

  it('is listed in the program’s help', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/^ {2}report +Writes a caseload report/m);
  });
});
