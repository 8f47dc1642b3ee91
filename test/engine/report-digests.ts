import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { generateSnapshot, type Report } from '../../src/index.js';

/** The rule sets, snapshots and dates the engine's answers are pinned on. */
export const DIGEST_RULE_SETS = ['leeds-2023', 'west-berkshire', 'england-statutory'] as const;
export const DIGEST_SEED = 20240409;
export const DIGEST_AS_OF = '2024-04-09';
export const DIGEST_GENERATED = 10_000;
export const DIGEST_CHUNK = 500;
export const EXAMPLE_AS_OF = ['2024-02-01', '2024-04-09', '2024-09-30'] as const;

/** The example caseload's snapshots, as parsed from examples/caseload.jsonl. */
export function exampleSnapshots(): unknown[] {
  return readFileSync(new URL('../../examples/caseload.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}

/** Evaluates a snapshot against a shipped rule set by id. */
export type Evaluator = (snapshot: unknown, ruleSet: string, asOf: string) => Report;

function digest(reports: Iterable<Report>): string {
  const hash = createHash('sha256');
  for (const r of reports) hash.update(JSON.stringify(r));
  return hash.digest('hex');
}

/** A digest of the reports on the example caseload, as of each of three dates. */
export function exampleDigest(evaluate: Evaluator, ruleSet: string): string {
  const snapshots = exampleSnapshots();
  return digest(EXAMPLE_AS_OF.flatMap((asOf) => snapshots.map((s) => evaluate(s, ruleSet, asOf))));
}

/** A digest of the reports on generated snapshots `from` to `from + DIGEST_CHUNK - 1`. */
export function generatedDigest(evaluate: Evaluator, ruleSet: string, from: number): string {
  function* reports(): Generator<Report> {
    for (let i = from; i < from + DIGEST_CHUNK; i++) yield evaluate(generateSnapshot(DIGEST_SEED, i, DIGEST_AS_OF), ruleSet, DIGEST_AS_OF);
  }
  return digest(reports());
}

/** Every digest, by name: `<rule set> example` and `<rule set> <from>`. */
export function allDigests(evaluate: Evaluator): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ruleSet of DIGEST_RULE_SETS) {
    out[`${ruleSet} example`] = exampleDigest(evaluate, ruleSet);
    for (let from = 0; from < DIGEST_GENERATED; from += DIGEST_CHUNK) out[`${ruleSet} ${from}`] = generatedDigest(evaluate, ruleSet, from);
  }
  return out;
}
