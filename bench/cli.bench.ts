/**
 * The command line end to end: N generated snapshots (default 100,000; BENCH_CLI_CASES to
 * change) written as JSON Lines, then through `evaluate --format jsonl` and `summary` in child
 * processes, against a baseline measured in the same run: reading the same file and parsing
 * every line, nothing else. Prints snapshots per second, peak resident memory and the time
 * ratio to the baseline, and what the rate means for the goal (400,000 children in 20 s).
 *
 * BENCH_CLI_MILLION=1 adds the streaming demonstration: 1,000,000 snapshots piped from
 * `generate` into `evaluate --only breaches` (no file; breaches only, so that the run is not
 * spent writing 70 GB), with its peak memory beside the N-snapshot run's.
 * BENCH_CLI_RULES names another shipped rule set (default leeds-2023, the largest).
 * BENCH_CLI_BUILT=1 runs dist/cli.js (after `npm run build`) instead of the sources through tsx.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCaseload } from '../src/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RSS_CHILD = join(ROOT, 'test/cli/support/rss-child.mjs');
const BASELINE = join(ROOT, 'test/cli/support/parse-lines.mjs');
const BUILT = process.env.BENCH_CLI_BUILT === '1';
const ENTRY = join(ROOT, BUILT ? 'dist/cli.js' : 'src/cli/main.ts');
const LOADER = BUILT ? [] : ['--import', 'tsx'];
const RULE_SET = process.env.BENCH_CLI_RULES ?? 'leeds-2023';
const RULES = ['--rules', RULE_SET, '--as-of', '2024-04-09', '--quiet'];
const GOAL_CHILDREN = 400_000;
const GOAL_SECONDS = 20;

interface Measure {
  readonly seconds: number;
  readonly peakMb: number;
  readonly outputMb: number;
  readonly stderr: string;
}

/** Runs a Node script, counting its output bytes without keeping them. */
function measure(args: readonly string[], rssFile: string, stdin?: NodeJS.ReadableStream): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    if (stdin) stdin.pipe(child.stdin!);
    let bytes = 0;
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (bytes += c.length));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({ seconds: (performance.now() - started) / 1000, peakMb: Number(readFileSync(rssFile, 'utf8')) / 1024, outputMb: bytes / 2 ** 20, stderr });
    });
  });
}

async function writeCaseload(path: string, cases: number): Promise<void> {
  const out = createWriteStream(path);
  let lines: string[] = [];
  for (const s of generateCaseload({ cases, seed: 2024 })) {
    lines.push(JSON.stringify(s));
    if (lines.length === 1000) {
      if (!out.write(`${lines.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      lines = [];
    }
  }
  if (lines.length > 0) out.write(`${lines.join('\n')}\n`);
  await new Promise<void>((r) => out.end(() => r()));
}

function row(name: string, m: Measure, cases: number, baseline: Measure | undefined): string {
  const rate = Math.round(cases / m.seconds);
  const ratio = baseline ? `${(m.seconds / baseline.seconds).toFixed(1)}x` : '1.0x';
  return `| ${name} | ${m.seconds.toFixed(1)} s | ${rate.toLocaleString('en-GB')} | ${m.peakMb.toFixed(0)} MB | ${ratio} | ${m.outputMb.toFixed(0)} MB |`;
}

export default async function cliBench(): Promise<void> {
  const cases = Number(process.env.BENCH_CLI_CASES ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'pt-cli-bench-'));
  try {
    const file = join(dir, 'caseload.jsonl');
    const t = performance.now();
    await writeCaseload(file, cases);
    console.log(`${cases.toLocaleString('en-GB')} generated snapshots, ${(statSync(file).size / 2 ** 20).toFixed(0)} MB of JSON Lines (written in ${((performance.now() - t) / 1000).toFixed(1)} s); CLI run from ${BUILT ? 'dist/cli.js' : 'the sources through tsx'}; rules ${RULE_SET}.`);
    const rss = join(dir, 'rss');
    const baseline = await measure([BASELINE, file, rss], rss);
    const evaluate = await measure([...LOADER, RSS_CHILD, ENTRY, rss, 'evaluate', file, ...RULES, '--format', 'jsonl'], rss);
    const summary = await measure([...LOADER, RSS_CHILD, ENTRY, rss, 'summary', file, ...RULES, '--format', 'json'], rss);
    console.log('\n| run | time | snapshots/s | peak memory | time vs baseline | output |\n| --- | --- | --- | --- | --- | --- |');
    console.log(row('baseline: read and JSON.parse each line', baseline, cases, undefined));
    console.log(row('evaluate --format jsonl', evaluate, cases, baseline));
    console.log(row('summary', summary, cases, baseline));
    const rate = cases / summary.seconds;
    console.log(`\nAt the summary's rate, ${GOAL_CHILDREN.toLocaleString('en-GB')} children take ${(GOAL_CHILDREN / rate).toFixed(0)} s (goal: under ${GOAL_SECONDS} s).`);

    if (process.env.BENCH_CLI_MILLION === '1') {
      const million = 1_000_000;
      const generator = spawn(process.execPath, [...LOADER, ENTRY, 'generate', '--cases', String(million), '--seed', '1', '--quiet'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      const piped = await measure([...LOADER, RSS_CHILD, ENTRY, rss, 'evaluate', '-', ...RULES, '--format', 'jsonl', '--only', 'breaches'], rss, generator.stdout!);
      console.log(`\n${million.toLocaleString('en-GB')} snapshots piped from generate into evaluate --format jsonl --only breaches: ${piped.seconds.toFixed(0)} s, peak memory ${piped.peakMb.toFixed(0)} MB (the ${cases.toLocaleString('en-GB')}-snapshot run of all obligations: ${evaluate.peakMb.toFixed(0)} MB), ${(piped.outputMb / 1024).toFixed(1)} GB written; ${piped.stderr.trim() || 'nothing rejected'}.`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
