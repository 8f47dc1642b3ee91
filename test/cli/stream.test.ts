import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES_FILE, tempFiles } from './support/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RSS_CHILD = fileURLToPath(new URL('./support/rss-child.mjs', import.meta.url));
const NAIVE = fileURLToPath(new URL('./support/naive-load.mjs', import.meta.url));
const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

const CASES = 20_000;
// Peak resident memory allowed for the whole CLI process (Node, the TypeScript loader, the
// engine and V8's garbage-collected heap): about 230 MB when streaming, on this input. Reading
// the 200 MB input whole and parsing it takes about 480 MB, which the test checks too.
const CEILING_MB = 360;

const files = tempFiles({});
afterAll(() => files.remove());

/**
 * A caseload extract whose records carry, besides the snapshot, about 10 kB of other fields
 * from the case management system (ignored by the schema): large enough in bytes that holding
 * it whole would show, cheap enough to evaluate that the test stays quick. Each case is worked
 * out in the test below.
 */
function writeExtract(path: string): void {
  const fd = openSync(path, 'w');
  const rest = JSON.stringify({
    child: { dateOfBirth: '2015-02-03' },
    extract: { system: 'case-management', notes: 'x'.repeat(10_000) },
    events: [
      { id: 'r', type: 'referral', date: '2024-01-08' },
      { id: 'a', type: 'assessment-authorised', date: '2024-03-08' },
      { id: 'p', type: 'child-in-need-plan-started', date: '2024-01-09' },
      { id: 'v', type: 'visit', mode: 'in-person', date: '2024-02-01' },
    ],
  }).slice(1);
  let lines: string[] = [];
  for (let i = 0; i < CASES; i++) {
    lines.push(`{"caseId":"m-${i}","team":"t${i % 7}","worker":"w${i % 97}",${rest}\n`);
    if (lines.length === 1000) {
      writeSync(fd, lines.join(''));
      lines = [];
    }
  }
  closeSync(fd);
}

/** Runs a Node script in a child process; counts its stdout lines without keeping them. */
function node(args: readonly string[]): Promise<{ code: number | null; lines: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines, stderr }));
  });
}

const peakMb = (file: string) => Number(readFileSync(file, 'utf8')) / 1024;

// Memory does not depend on the time zone: run once, under the first of the suite's zones.
describe.runIf(process.env.TZ === 'Europe/London')('streaming', () => {
  it(`evaluates ${CASES.toLocaleString('en-GB')} snapshots (200 MB) within a memory ceiling that loading them whole exceeds`, async () => {
    const input = files.path('extract.jsonl');
    writeExtract(input);

    const naiveRss = files.path('naive.rss');
    const rss = files.path('cli.rss');
    const [naive, r] = await Promise.all([
      node([NAIVE, input, naiveRss]),
      node(['--import', 'tsx', RSS_CHILD, CLI, rss, 'evaluate', input, '--rules-file', RULES_FILE, '--as-of', '2024-04-09']),
    ]);
    expect(naive.code).toBe(0);
    expect(peakMb(naiveRss)).toBeGreaterThan(CEILING_MB);

    // Every record carries the extract's own field, which is ignored and warned about.
    expect(r.stderr).toBe(`${CASES} read, ${CASES} evaluated, 0 rejected, ${CASES} with warnings\n`);
    expect(r.code).toBe(0);
    // Each case: one compact row (the assessment met, the first visit met, the next overdue) and
    // the warning row; and once, a row for each of the two rules cited.
    expect(r.lines).toBe(2 * CASES + 2);
    expect(peakMb(rss)).toBeLessThan(CEILING_MB);
  }, 60_000);
});
