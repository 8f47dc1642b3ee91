import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evaluate, generateSnapshot, getRuleSet, type Obligation, type Report } from '../../src/index.js';
import { evaluate as evaluateBefore } from './legacy/evaluate.js';

/**
 * The engine's fast path against the engine as it was before it (a copy kept in `legacy/`):
 * the example caseload and 10,000 generated snapshots under every shipped rule set, every
 * report field and every obligation field compared, the text written only when read included.
 * It runs in one time-zone project: the fingerprint test already compares the zones.
 */
const RULE_SETS = ['leeds-2023', 'west-berkshire', 'england-statutory'] as const;
const SEED = 20240409;
const AS_OF = '2024-04-09';
const GENERATED = 10_000;
const CHUNK = 1_250;
const EXAMPLE_AS_OF = ['2024-02-01', '2024-04-09', '2024-09-30'];

const example = readFileSync(new URL('../../examples/caseload.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as unknown);

/** Every field of an obligation, in the order a report serialises them. */
const OBLIGATION_FIELDS = ['caseId', 'ruleId', 'ruleSet', 'area', 'title', 'instance', 'status', 'due', 'anchor', 'satisfiedBy', 'lateness', 'explanation', 'trace', 'cite', 'provisional', 'escalateTo', 'comparison'] as const;
const REPORT_FIELDS = ['caseId', 'subject', 'team', 'worker', 'ruleSet', 'asOf', 'counts', 'provisionalFrom', 'warnings'] as const;

/** The first difference between two reports, as a path, or undefined when they are the same. */
function difference(before: Report, after: Report): string | undefined {
  for (const f of REPORT_FIELDS) if (!isDeepStrictEqual(before[f], after[f])) return f;
  if (before.obligations.length !== after.obligations.length) return 'obligations.length';
  for (let i = 0; i < before.obligations.length; i++) {
    const b = before.obligations[i]!;
    const a = after.obligations[i]!;
    for (const f of OBLIGATION_FIELDS) {
      if (!isDeepStrictEqual(b[f], a[f])) return `obligations[${i}] (${b.ruleId} #${b.instance}).${f}`;
    }
  }
  const index = (o: Obligation | null) => (o === null ? -1 : after.obligations.indexOf(o));
  const beforeIndex = (o: Obligation | null) => (o === null ? -1 : before.obligations.indexOf(o));
  if (!isDeepStrictEqual(before.breaches.map(beforeIndex), after.breaches.map(index))) return 'breaches';
  if (beforeIndex(before.nextDue) !== index(after.nextDue)) return 'nextDue';
  return undefined;
}

function compareOn(snapshot: unknown, ruleSet: string, asOf: string, serialise: boolean): void {
  const before = evaluateBefore(snapshot, { ruleSet: getRuleSet(ruleSet), asOf });
  const after = evaluate(snapshot, { ruleSet, asOf });
  const where = difference(before, after);
  if (where !== undefined) expect.fail(`${ruleSet} as of ${asOf}, case ${before.caseId}: ${where} differs`);
  // What a caller writes out or sends to a worker thread is the same too.
  if (serialise) expect(JSON.stringify(after)).toBe(JSON.stringify(before));
}

describe.runIf(process.env.TZ === 'Europe/London')('the fast path gives the answers the engine gave before it', () => {
  it('on the example caseload, as of three dates', () => {
    for (const ruleSet of RULE_SETS) for (const asOf of EXAMPLE_AS_OF) for (const s of example) compareOn(s, ruleSet, asOf, true);
  });

  for (const ruleSet of RULE_SETS) {
    for (let from = 0; from < GENERATED; from += CHUNK) {
      it(`on generated snapshots ${from} to ${from + CHUNK - 1}, ${ruleSet}`, () => {
        for (let i = from; i < from + CHUNK; i++) compareOn(generateSnapshot(SEED, i, AS_OF), ruleSet, AS_OF, i % 50 === 0);
      });
    }
  }
});
