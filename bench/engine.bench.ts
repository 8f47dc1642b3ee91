/**
 * The engine on a generated caseload: N synthetic snapshots (default 100,000;
 * ENGINE_BENCH_CASES to change) evaluated against each shipped rule set (Leeds and West
 * Berkshire with the national baseline they extend, and the baseline alone), validation included,
 * as `evaluate(snapshot, { ruleSet, asOf })` is called. Snapshots are generated before timing,
 * 10,000 at a time so that the caseload itself does not swamp the memory figures.
 *
 * Baseline measured in the same run, on the same snapshots: `JSON.parse` of each snapshot's JSON
 * text, the least any service that reads a snapshot does (the quicker of two passes over each slice of
 * snapshots, timed beside the engine's loops over the same slice). Goal (issue 12): every rule set at
 * least 1.0× that rate. Also printed: zod's parse alone, the engine's validation alone, the cost
 * of reading every explanation (written when read), and the heap a held report keeps (goal: a
 * Leeds report at most 20 KiB).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CaseSnapshot, evaluate, generateSnapshot, validateSnapshot, type Report } from '../src/index.js';
import { parseIsoDate } from '../src/calendar/day-number.js';
import { prepare } from '../src/engine/prepare.js';
import { checkSnapshot } from '../src/engine/validate.js';
import { recordGoal } from './support/goals.js';

const CASES = Number(process.env.ENGINE_BENCH_CASES ?? 100_000);
const CHUNK = 10_000;
const SEED = 20240409;
const AS_OF = '2024-04-09';
const AS_OF_DAY = parseIsoDate(AS_OF);
const RULE_SETS = ['leeds-2023', 'west-berkshire', 'england-statutory'] as const;
type RuleSetId = (typeof RULE_SETS)[number];
/** The engine's rate against `JSON.parse` of the same text. */
const GOAL_RATIO = 1.0;
/** Reports held to measure what one keeps. */
const HELD = 2_000;
const HELD_GOAL_KIB = 20;

interface Timing {
  ms: number;
  obligations: number;
  breaches: number;
}

// A full garbage collection on demand, to tell memory the engine keeps from garbage not yet
// collected (the bench runs under plain `tsx`, without --expose-gc).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let peakRss = 0;
let peakHeap = 0;
/** Largest growth of the heap above what was held when a chunk's timing started. */
let peakGrowth = 0;
let heldAtStart = 0;
/** Samples the process's memory; `timing`: while a chunk is timed, when growth is measured too. */
function sampleMemory(timing = false): void {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  if (timing) peakGrowth = Math.max(peakGrowth, m.heapUsed - heldAtStart);
}

/**
 * Snapshots evaluated untimed, under each set, after the full collection that starts a chunk's
 * timing. A collection forced this way (`gc()`, as for the memory figures) makes V8 throw away
 * optimised code that holds objects weakly: most of the engine's ("weak objects" in
 * `--trace-deopt`). A collection V8 starts itself does not, so a process that has been evaluating
 * runs optimised code. Timed straight after the collection, the first 1,000 snapshots took 3.7
 * times as long as 1,000 take in a loop without it (175 ms against 47) while the engine
 * recompiled, which cut a 10,000-snapshot loop's rate by about a quarter. By 3,000 the rate is
 * back to that of a loop run without the collection.
 */
const SETTLE = 3_000;

/**
 * Snapshots timed together: the baseline and then each rule set over the same slice, slice after
 * slice, so that the machine's drift (on the shared machine, up to half for seconds at a time)
 * falls on the baseline and the engine alike. Timed over whole chunks in turn, a slow spell during
 * the baseline's loops made West Berkshire read 1.00× in one run and 0.81× in the next.
 */
const SLICE = 500;

/** The baseline and every rule set timed over a chunk, slice by slice (see {@link SLICE}). */
function timeSlices(snapshots: readonly CaseSnapshot[], texts: readonly string[], totals: Totals): void {
  collectGarbage();
  heldAtStart = process.memoryUsage().heapUsed;
  for (let i = 0; i < Math.min(SETTLE, snapshots.length); i++) for (const ruleSet of RULE_SETS) evaluate(snapshots[i], { ruleSet, asOf: AS_OF });
  for (let from = 0; from < snapshots.length; from += SLICE) {
    const to = Math.min(from + SLICE, snapshots.length);
    // The baseline is the quicker of two passes, as the engine's loops run over snapshots already read.
    const slice = texts.slice(from, to);
    const parse = () => timeLoop(slice, (text) => (JSON.parse(text) as CaseSnapshot).events.length);
    totals.jsonMs += Math.min(parse(), parse());
    // Each set goes first in turn: the sets after it read snapshots the one before left in cache.
    for (let k = 0; k < RULE_SETS.length; k++) {
      const ruleSet = RULE_SETS[(from / SLICE + k) % RULE_SETS.length]!;
      timeEvaluate(snapshots, from, to, ruleSet, totals.evaluate[ruleSet]);
    }
  }
}

function timeEvaluate(snapshots: readonly CaseSnapshot[], from: number, to: number, ruleSet: string, into: Timing): void {
  const start = performance.now();
  for (let i = from; i < to; i++) {
    const report = evaluate(snapshots[i], { ruleSet, asOf: AS_OF });
    into.obligations += report.obligations.length;
    into.breaches += report.breaches.length;
  }
  into.ms += performance.now() - start;
  sampleMemory(true);
}

function timeLoop<T>(items: readonly T[], body: (s: T) => number): number {
  let sink = 0;
  const start = performance.now();
  for (const s of items) sink += body(s);
  const ms = performance.now() - start;
  if (sink < 0) console.log(sink);
  return ms;
}

/** Every explanation of a report read, as a caller who shows them all does. */
function readAllText(report: Report): number {
  let n = 0;
  for (const o of report.obligations) n += o.explanation.length;
  return n;
}

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const thousands = (n: number) => n.toLocaleString('en-GB');

interface Totals {
  jsonMs: number;
  zodMs: number;
  validateMs: number;
  /** The engine's first pass: validation, then the snapshot indexed for evaluation (issue 12: at least 2× cheaper than before). */
  checkPrepareMs: number;
  readTextMs: number;
  generateMs: number;
  events: number;
  readonly evaluate: Record<RuleSetId, Timing>;
}

/** Generates one chunk (untimed) and times each pass over it. Its own frame, so the chunk is freed after. */
function runChunk(from: number, totals: Totals): void {
  const t = performance.now();
  const snapshots = Array.from({ length: Math.min(CHUNK, CASES - from) }, (_, i) => generateSnapshot(SEED, from + i, AS_OF));
  const texts = snapshots.map((s) => JSON.stringify(s));
  totals.generateMs += performance.now() - t;
  for (const s of snapshots) totals.events += s.events.length;
  sampleMemory();
  totals.zodMs += timeLoop(snapshots, (s) => (CaseSnapshot.safeParse(s).success ? 1 : 0));
  totals.validateMs += timeLoop(snapshots, (s) => validateSnapshot(s).events.length);
  totals.checkPrepareMs += timeLoop(snapshots, (s) => prepare(checkSnapshot(s).snapshot, AS_OF_DAY).events.length);
  timeSlices(snapshots, texts, totals);
  totals.readTextMs += timeLoop(snapshots, (s) => readAllText(evaluate(s, { ruleSet: 'leeds-2023', asOf: AS_OF })));
}

/** The heap one held report keeps: the growth over holding many, after full collections. */
function heldReportBytes(ruleSet: RuleSetId): number {
  const snapshots = Array.from({ length: HELD }, (_, i) => generateSnapshot(SEED + 2, i, AS_OF));
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const held = snapshots.map((s) => evaluate(s, { ruleSet, asOf: AS_OF }));
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  if (held.length !== snapshots.length) throw new Error('unreachable');
  return (after - before) / HELD;
}

function warmUp(): void {
  // Every path (and the rule-set caches) before timing.
  for (let i = 0; i < 2_000; i++) {
    const s = generateSnapshot(SEED + 1, i, AS_OF);
    validateSnapshot(JSON.parse(JSON.stringify(s)));
    for (const ruleSet of RULE_SETS) evaluate(s, { ruleSet, asOf: AS_OF });
    if (i % 10 === 0) readAllText(evaluate(s, { ruleSet: 'leeds-2023', asOf: AS_OF }));
  }
}

export default async function engineBench(): Promise<void> {
  warmUp();
  collectGarbage();
  const heldAfterWarmUp = process.memoryUsage().heapUsed;
  const totals: Totals = {
    jsonMs: 0,
    zodMs: 0,
    validateMs: 0,
    checkPrepareMs: 0,
    readTextMs: 0,
    generateMs: 0,
    events: 0,
    evaluate: Object.fromEntries(RULE_SETS.map((id) => [id, { ms: 0, obligations: 0, breaches: 0 }])) as Totals['evaluate'],
  };
  for (let from = 0; from < CASES; from += CHUNK) runChunk(from, totals);
  const { jsonMs, zodMs, validateMs, readTextMs, generateMs, events, evaluate: timings } = totals;

  collectGarbage();
  const retained = process.memoryUsage().heapUsed;
  const json = perSecond(CASES, jsonMs);
  const ratio = (rate: number) => (rate / json).toFixed(2);
  console.log(`${thousands(CASES)} generated snapshots (${(events / CASES).toFixed(1)} events each on average; generated at ${thousands(perSecond(CASES, generateMs))}/s, untimed), as of ${AS_OF}, one core.`);
  console.log('');
  console.log('| what | snapshots/s | × JSON.parse | obligations per snapshot | breaches per snapshot |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(`| baseline: JSON.parse(text of the snapshot) | ${thousands(json)} | 1.00 | | |`);
  console.log(`| zod alone (CaseSnapshot.safeParse) | ${thousands(perSecond(CASES, zodMs))} | ${ratio(perSecond(CASES, zodMs))} | | |`);
  console.log(`| validation alone (validateSnapshot: compiled check, zod for invalid ones) | ${thousands(perSecond(CASES, validateMs))} | ${ratio(perSecond(CASES, validateMs))} | | |`);
  console.log(`| validation + prepare (checkSnapshot, then prepare: the engine's first pass) | ${thousands(perSecond(CASES, totals.checkPrepareMs))} | ${ratio(perSecond(CASES, totals.checkPrepareMs))} | | |`);
  for (const ruleSet of RULE_SETS) {
    const t = timings[ruleSet];
    const rate = perSecond(CASES, t.ms);
    console.log(`| evaluate, ${ruleSet} (validation included) | ${thousands(rate)} | ${ratio(rate)} | ${(t.obligations / CASES).toFixed(1)} | ${(t.breaches / CASES).toFixed(2)} |`);
  }
  console.log(`| evaluate, leeds-2023, every explanation read (written when read) | ${thousands(perSecond(CASES, readTextMs))} | ${ratio(perSecond(CASES, readTextMs))} | | |`);
  console.log('');
  console.log(`Peak memory (sampled after every slice of ${thousands(SLICE)} snapshots): rss ${mb(peakRss)}, heap used ${mb(peakHeap)}, with a 10,000-snapshot chunk held.`);
  console.log(`Heap growth while a chunk is timed, over what it held after a full collection (garbage not yet collected): at most ${mb(peakGrowth)}.`);
  console.log(`Heap after a full collection: ${mb(heldAfterWarmUp)} after the warm-up, ${mb(retained)} after ${thousands(CASES)} snapshots (the difference is what the run kept).`);
  for (const ruleSet of RULE_SETS) {
    const r = perSecond(CASES, timings[ruleSet].ms) / json;
    console.log(`Goal ≥ ${GOAL_RATIO.toFixed(1)}× JSON.parse, ${ruleSet}: ${r >= GOAL_RATIO ? 'met' : 'not met'} (${r.toFixed(2)}×).`);
    recordGoal({ goal: `engine: evaluate ${ruleSet}, validation included, rate × JSON.parse`, measured: `${r.toFixed(2)}×`, target: `≥ ${GOAL_RATIO.toFixed(2)}×`, met: r >= GOAL_RATIO });
  }
  for (const ruleSet of RULE_SETS) {
    const kib = heldReportBytes(ruleSet) / 1024;
    const goal = ruleSet === 'leeds-2023' ? ` (goal ≤ ${HELD_GOAL_KIB} KiB: ${kib <= HELD_GOAL_KIB ? 'met' : 'not met'})` : '';
    if (ruleSet === 'leeds-2023') recordGoal({ goal: 'engine: heap a held leeds-2023 report keeps', measured: `${kib.toFixed(1)} KiB`, target: `≤ ${HELD_GOAL_KIB} KiB`, met: kib <= HELD_GOAL_KIB });
    console.log(`A held ${ruleSet} report keeps ${kib.toFixed(1)} KiB of heap (${thousands(HELD)} held, its snapshot not counted)${goal}.`);
  }
}
