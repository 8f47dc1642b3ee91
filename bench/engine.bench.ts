/**
 * The engine on a generated caseload: 100,000 synthetic snapshots evaluated against the Leeds
 * and West Berkshire rule sets (each with the national baseline it extends), validation included,
 * as `evaluate(snapshot, { ruleSet, asOf })` is called. Snapshots are generated before timing,
 * 10,000 at a time so that the caseload itself does not swamp the memory figures.
 *
 * Baselines measured in the same run, on the same snapshots: a JSON round trip
 * (`JSON.parse(JSON.stringify(snapshot))`), the least any service that reads a snapshot does,
 * zod's parse alone, and the engine's validation alone. Goal: at least 50,000 snapshots a
 * second on one core.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CaseSnapshot, evaluate, generateSnapshot, validateSnapshot } from '../src/index.js';

const CASES = Number(process.env.ENGINE_BENCH_CASES ?? 100_000);
const CHUNK = 10_000;
const SEED = 20240409;
const AS_OF = '2024-04-09';
const RULE_SETS = ['leeds-2023', 'west-berkshire'] as const;
const GOAL = 50_000;

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
/** Largest growth of the heap above what was held when an evaluation loop started. */
let peakGrowth = 0;
let heldAtStart = 0;
function sampleMemory(): void {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakGrowth = Math.max(peakGrowth, m.heapUsed - heldAtStart);
}

function timeEvaluate(snapshots: readonly CaseSnapshot[], ruleSet: string, into: Timing): void {
  collectGarbage();
  heldAtStart = process.memoryUsage().heapUsed;
  const start = performance.now();
  for (let i = 0; i < snapshots.length; i++) {
    const report = evaluate(snapshots[i], { ruleSet, asOf: AS_OF });
    into.obligations += report.obligations.length;
    into.breaches += report.breaches.length;
    if ((i & 1023) === 0) sampleMemory();
  }
  into.ms += performance.now() - start;
}

function timeLoop(snapshots: readonly CaseSnapshot[], body: (s: CaseSnapshot) => number): number {
  let sink = 0;
  const start = performance.now();
  for (const s of snapshots) sink += body(s);
  const ms = performance.now() - start;
  if (sink < 0) console.log(sink);
  return ms;
}

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const thousands = (n: number) => n.toLocaleString('en-GB');

interface Totals {
  jsonMs: number;
  zodMs: number;
  validateMs: number;
  generateMs: number;
  events: number;
  readonly evaluate: Record<(typeof RULE_SETS)[number], Timing>;
}

/** Generates one chunk (untimed) and times each pass over it. Its own frame, so the chunk is freed after. */
function runChunk(from: number, totals: Totals): void {
  const t = performance.now();
  const snapshots = Array.from({ length: Math.min(CHUNK, CASES - from) }, (_, i) => generateSnapshot(SEED, from + i, AS_OF));
  totals.generateMs += performance.now() - t;
  for (const s of snapshots) totals.events += s.events.length;
  sampleMemory();
  totals.jsonMs += timeLoop(snapshots, (s) => (JSON.parse(JSON.stringify(s)) as CaseSnapshot).events.length);
  totals.zodMs += timeLoop(snapshots, (s) => (CaseSnapshot.safeParse(s).success ? 1 : 0));
  totals.validateMs += timeLoop(snapshots, (s) => validateSnapshot(s).events.length);
  for (const ruleSet of RULE_SETS) timeEvaluate(snapshots, ruleSet, totals.evaluate[ruleSet]);
}

function warmUp(): void {
  // Every path (and the rule-set caches) before timing.
  for (let i = 0; i < 2_000; i++) {
    const s = generateSnapshot(SEED + 1, i, AS_OF);
    validateSnapshot(JSON.parse(JSON.stringify(s)));
    for (const ruleSet of RULE_SETS) evaluate(s, { ruleSet, asOf: AS_OF });
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
    generateMs: 0,
    events: 0,
    evaluate: Object.fromEntries(RULE_SETS.map((id) => [id, { ms: 0, obligations: 0, breaches: 0 }])) as Totals['evaluate'],
  };
  for (let from = 0; from < CASES; from += CHUNK) runChunk(from, totals);
  const { jsonMs, zodMs, validateMs, generateMs, events, evaluate: timings } = totals;

  collectGarbage();
  const retained = process.memoryUsage().heapUsed;
  const json = perSecond(CASES, jsonMs);
  console.log(`${thousands(CASES)} generated snapshots (${(events / CASES).toFixed(1)} events each on average; generated at ${thousands(perSecond(CASES, generateMs))}/s, untimed), as of ${AS_OF}, one core.`);
  console.log('');
  console.log('| what | snapshots/s | × JSON round trip | obligations per snapshot | breaches per snapshot |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(`| baseline: JSON.parse(JSON.stringify(snapshot)) | ${thousands(json)} | 1.00 | | |`);
  console.log(`| zod alone (CaseSnapshot.safeParse) | ${thousands(perSecond(CASES, zodMs))} | ${(perSecond(CASES, zodMs) / json).toFixed(2)} | | |`);
  console.log(`| validation alone (validateSnapshot: compiled check, zod for invalid ones) | ${thousands(perSecond(CASES, validateMs))} | ${(perSecond(CASES, validateMs) / json).toFixed(2)} | | |`);
  for (const ruleSet of RULE_SETS) {
    const t = timings[ruleSet];
    const rate = perSecond(CASES, t.ms);
    console.log(`| evaluate, ${ruleSet} (validation included) | ${thousands(rate)} | ${(rate / json).toFixed(2)} | ${(t.obligations / CASES).toFixed(1)} | ${(t.breaches / CASES).toFixed(2)} |`);
  }
  console.log('');
  console.log(`Peak memory (sampled every 1,024 snapshots): rss ${mb(peakRss)}, heap used ${mb(peakHeap)}, with a 10,000-snapshot chunk held.`);
  console.log(`Heap growth while evaluating a chunk (garbage not yet collected): at most ${mb(peakGrowth)}.`);
  console.log(`Heap after a full collection: ${mb(heldAfterWarmUp)} after the warm-up, ${mb(retained)} after ${thousands(CASES)} snapshots (the difference is what the run kept).`);
  for (const ruleSet of RULE_SETS) {
    const rate = perSecond(CASES, timings[ruleSet].ms);
    console.log(`Goal ≥ ${thousands(GOAL)} snapshots/s, ${ruleSet}: ${rate >= GOAL ? 'met' : `not met (${((rate / GOAL) * 100).toFixed(0)}% of it)`}.`);
  }
}
