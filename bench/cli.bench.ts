/**
 * The command line end to end: N generated snapshots (default 100,000, the caseload the issue
 * measured and sets its goal on; BENCH_CLI_CASES to change) written as JSON Lines, then
 * through `evaluate` and `summary` in child processes, against baselines measured in the same run:
 * reading the same file and parsing every line, nothing else (the goal: `summary` at most 2x
 * that), and reading, parsing and evaluating each line with the library in one thread (the
 * command line's own overhead is `summary --jobs 1` over that). Prints time, snapshots per second,
 * peak resident memory (worker threads included), the ratio to the baseline, the speed-up of
 * `--jobs 2` over `--jobs 1`, and the output's bytes per snapshot, compact (the default) and
 * `--detail full` (on the first 2,000 snapshots), against the 10 KB goal. The goal's two runs
 * (the baseline and `summary --jobs 2`) are each timed twice, in turn, and the quicker kept.
 *
 * Memory: `summary` and `evaluate` on 10,000 snapshots and on BENCH_CLI_MEMORY_CASES (default
 * 40,000; the goal is flat up to 400,000: BENCH_CLI_MEMORY_CASES=400000 writes a 2.2 GB
 * file and takes about 15 minutes more here), each read from a file, peak memory of each.
 * BENCH_CLI_RULES names another shipped rule set (default leeds-2023, the largest).
 * BENCH_CLI_BUILT=1 runs dist/cli.js (after `npm run build`) instead of the sources through tsx.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCaseload } from '../src/index.js';
import { recordGoal } from './support/goals.js';
import { parallelCeiling } from './support/parallel-ceiling.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RSS_CHILD = join(ROOT, 'test/cli/support/rss-child.mjs');
const BASELINE = join(ROOT, 'test/cli/support/parse-lines.mjs');
const FLOOR = join(ROOT, 'bench/support/evaluate-lines.ts');
const BUILT = process.env.BENCH_CLI_BUILT === '1';
const ENTRY = join(ROOT, BUILT ? 'dist/cli.js' : 'src/cli/main.ts');
const LOADER = BUILT ? [] : ['--import', 'tsx'];
const RULE_SET = process.env.BENCH_CLI_RULES ?? 'leeds-2023';
const AS_OF = '2024-04-09';
const RULES = ['--rules', RULE_SET, '--as-of', AS_OF, '--quiet'];
const GOAL_RATIO = 2;
const GOAL_KB = 10;
/** The least `--jobs 2` over `--jobs 1` that counts as a speed-up. */
const MIN_SPEED_UP = 1.05;
const FULL_SAMPLE = 2_000;
/** Snapshots in the run that measures the cost of starting. */
const TINY = 20;
/**
 * Memory is flat when the peak at the large caseload is at most this multiple of the peak at
 * 10,000 snapshots: room for the one thing that must grow, the set of case ids that finds
 * duplicates (src/cli/seen-ids.ts: about 39 bytes an id, 3.7 MB at 100,000, 15 MB at 400,000),
 * for the workers' old generations, which V8 lets fill to its own trigger only some seconds into
 * a run (about 8 MB more each at 100,000 than at 10,000; see DEVELOPERS.md), and for the noise of
 * garbage collection in three threads' heaps.
 */
const FLAT_RATIO = 1.25;

interface Measure {
  readonly seconds: number;
  readonly peakMb: number;
  readonly outputMb: number;
  readonly stderr: string;
}

/** Runs a Node script, counting its output bytes without keeping them. */
function measure(args: readonly string[], rssFile: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** The quicker of two runs of the same command. */
function quicker(a: Measure, b: Measure): Measure {
  return b.seconds < a.seconds ? b : a;
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
  const ratio = baseline ? `${(m.seconds / baseline.seconds).toFixed(2)}x` : '1.00x';
  return `| ${name} | ${m.seconds.toFixed(1)} s | ${rate.toLocaleString('en-GB')} | ${m.peakMb.toFixed(0)} MB | ${ratio} | ${(m.outputMb * 2 ** 20 / cases / 1000).toFixed(1)} KB |`;
}

export default async function cliBench(): Promise<void> {
  const cases = Number(process.env.BENCH_CLI_CASES ?? 100_000);
  const memoryCases = Number(process.env.BENCH_CLI_MEMORY_CASES ?? 40_000);
  const dir = mkdtempSync(join(tmpdir(), 'pt-cli-bench-'));
  try {
    const file = join(dir, 'caseload.jsonl');
    const sample = join(dir, 'sample.jsonl');
    const tiny = join(dir, 'tiny.jsonl');
    const t = performance.now();
    await writeCaseload(file, cases);
    await writeCaseload(sample, Math.min(FULL_SAMPLE, cases));
    console.log(`${cases.toLocaleString('en-GB')} generated snapshots, ${(statSync(file).size / 2 ** 20).toFixed(0)} MB of JSON Lines (written in ${((performance.now() - t) / 1000).toFixed(1)} s); CLI run from ${BUILT ? 'dist/cli.js' : 'the sources through tsx'}; rules ${RULE_SET}; ${availableParallelism()} cores.`);
    const rss = join(dir, 'rss');
    const readAndParse = () => measure([BASELINE, file, rss], rss);
    const firstBaseline = await readAndParse();
    const floor = await measure(['--import', 'tsx', FLOOR, file, rss, RULE_SET, AS_OF, ...(BUILT ? [join(ROOT, 'dist/index.js')] : [])], rss);
    const cliOn = (input: string, command: string, ...extra: string[]) => measure([...LOADER, RSS_CHILD, ENTRY, rss, command, input, ...RULES, ...extra], rss);
    const cli = (command: string, ...extra: string[]) => cliOn(file, command, ...extra);
    const summary1 = await cli('summary', '--format', 'json', '--jobs', '1');
    const firstSummary2 = await cli('summary', '--format', 'json', '--jobs', '2');
    // The goal's two runs, each timed again in turn and the quicker kept: one run on this shared
    // machine may be slowed by a fifth by other work, which either side of the ratio may meet.
    const secondBaseline = await readAndParse();
    const secondSummary2 = await cli('summary', '--format', 'json', '--jobs', '2');
    const baseline = quicker(firstBaseline, secondBaseline);
    const summary2 = quicker(firstSummary2, secondSummary2);
    const evaluate1 = await cli('evaluate', '--jobs', '1');
    const evaluate2 = await cli('evaluate', '--jobs', '2');
    // The fixed cost of starting: the command line on a few snapshots, in one thread and with two
    // workers (each worker loads the engine and its rule set; from the sources, through tsx too).
    await writeCaseload(tiny, TINY);
    const start1 = await cliOn(tiny, 'summary', '--format', 'json', '--jobs', '1');
    const start2 = await cliOn(tiny, 'summary', '--format', 'json', '--jobs', '2');
    const sampleCases = Math.min(FULL_SAMPLE, cases);
    const compactSample = await cliOn(sample, 'evaluate');
    const fullSample = await cliOn(sample, 'evaluate', '--detail', 'full');
    console.log('\n| run | time | snapshots/s | peak memory | time vs read+parse | output per snapshot |\n| --- | --- | --- | --- | --- | --- |');
    console.log(row('baseline: read and JSON.parse each line (quicker of two runs)', baseline, cases, undefined));
    console.log(row('floor: read, parse and evaluate each line (library, one thread)', floor, cases, baseline));
    console.log(row('summary --jobs 1', summary1, cases, baseline));
    console.log(row('summary --jobs 2 (quicker of two runs)', summary2, cases, baseline));
    console.log(row('evaluate --format jsonl --jobs 1', evaluate1, cases, baseline));
    console.log(row('evaluate --format jsonl --jobs 2', evaluate2, cases, baseline));
    const kb = (m: Measure) => (m.outputMb * 2 ** 20) / sampleCases / 1000;
    console.log(`\nsummary: ${(summary2.seconds / baseline.seconds).toFixed(2)}x the time of reading and parsing (goal: at most ${GOAL_RATIO}x) at --jobs 2 (the quicker of two runs each: read+parse ${firstBaseline.seconds.toFixed(1)} s and ${secondBaseline.seconds.toFixed(1)} s, summary --jobs 2 ${firstSummary2.seconds.toFixed(1)} s and ${secondSummary2.seconds.toFixed(1)} s); the command line's own overhead, summary --jobs 1 over read+parse+evaluate in one thread: ${(summary1.seconds / floor.seconds).toFixed(2)}x.`);
    const ceiling = await parallelCeiling();
    console.log(`--jobs 2 speed-up over --jobs 1 (the first run of each): summary ${(summary1.seconds / firstSummary2.seconds).toFixed(2)}x, evaluate ${(evaluate1.seconds / evaluate2.seconds).toFixed(2)}x; this machine's ceiling for two busy threads (a fixed busy loop in one process, then in two at once): ${ceiling.toFixed(2)}x.`);
    const net = (m: Measure, start: Measure) => Math.max(m.seconds - start.seconds, 1e-3);
    console.log(`Starting (summary of ${TINY} snapshots): ${start1.seconds.toFixed(1)} s with --jobs 1, ${start2.seconds.toFixed(1)} s with --jobs 2; without it, the --jobs 2 speed-up is summary ${(net(summary1, start1) / net(firstSummary2, start2)).toFixed(2)}x, evaluate ${(net(evaluate1, start1) / net(evaluate2, start2)).toFixed(2)}x.`);
    console.log(`evaluate --format jsonl output, per snapshot (first ${sampleCases.toLocaleString('en-GB')}): compact (default) ${kb(compactSample).toFixed(1)} KB (goal: at most ${GOAL_KB} KB), --detail full ${kb(fullSample).toFixed(1)} KB.`);
    const summaryRatio = summary2.seconds / baseline.seconds;
    recordGoal({ goal: `CLI: summary --jobs 2, ${cases.toLocaleString('en-GB')} snapshots, time × read+parse`, measured: `${summaryRatio.toFixed(2)}×`, target: `≤ ${GOAL_RATIO.toFixed(2)}×`, met: summaryRatio <= GOAL_RATIO });
    recordGoal({ goal: 'CLI: evaluate --format jsonl output per snapshot (compact)', measured: `${kb(compactSample).toFixed(1)} KB`, target: `≤ ${GOAL_KB} KB`, met: kb(compactSample) <= GOAL_KB });
    for (const [name, one, two] of [['summary', summary1, firstSummary2], ['evaluate', evaluate1, evaluate2]] as const) {
      const speedUp = one.seconds / two.seconds;
      // A speed-up within the noise of one run (5%) is none.
      recordGoal({ goal: `CLI: ${name} --jobs 2 speed-up over --jobs 1`, measured: `${speedUp.toFixed(2)}×`, target: `≥ ${MIN_SPEED_UP.toFixed(2)}×`, met: speedUp >= MIN_SPEED_UP });
    }

    // Files, as a caseload is usually given (stdin is read as its stream gives it).
    const small = Math.min(10_000, memoryCases);
    const smallFile = join(dir, 'memory-small.jsonl');
    const largeFile = memoryCases === small ? smallFile : join(dir, 'memory-large.jsonl');
    await writeCaseload(smallFile, small);
    if (largeFile !== smallFile) await writeCaseload(largeFile, memoryCases);
    const memory: string[] = [];
    for (const command of [['summary', '--format', 'json'], ['evaluate']] as const) {
      const a = await cliOn(smallFile, command[0], ...command.slice(1));
      const b = await cliOn(largeFile, command[0], ...command.slice(1));
      memory.push(`${command[0]}: ${a.peakMb.toFixed(0)} MB at ${small.toLocaleString('en-GB')}, ${b.peakMb.toFixed(0)} MB at ${memoryCases.toLocaleString('en-GB')}`);
      const growth = b.peakMb / a.peakMb;
      recordGoal({
        goal: `CLI: ${command[0]} peak memory flat, ${small.toLocaleString('en-GB')} → ${memoryCases.toLocaleString('en-GB')} snapshots`,
        measured: `${a.peakMb.toFixed(0)} → ${b.peakMb.toFixed(0)} MB (${growth.toFixed(2)}×)`,
        target: `≤ ${FLAT_RATIO.toFixed(2)}×`,
        met: growth <= FLAT_RATIO,
      });
    }
    console.log(`\nPeak memory, snapshots read from a file (default --jobs): ${memory.join('; ')}.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
