import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { DIGEST_CHUNK, DIGEST_GENERATED, DIGEST_RULE_SETS, exampleDigest, generatedDigest, type Evaluator } from './report-digests.js';

/**
 * The engine's answers pinned: digests of the JSON of every report (every obligation field, the
 * explanation and trace written when read included) on the example caseload and 10,000
 * generated snapshots under every shipped rule set. They were computed by the engine before its
 * fast path (issue 12), whose differential test compared the two field by field before the old
 * path was deleted. A change to any answer or any word fails here: if the change is meant,
 * regenerate the digests (`npx tsx test/engine/write-report-digests.ts`) and say why in the commit.
 * It runs in one time-zone project: the fingerprint test already compares the zones.
 */
const pinned = JSON.parse(readFileSync(new URL('./fixtures/report-digests.json', import.meta.url), 'utf8')) as Record<string, string>;
const byId: Evaluator = (snapshot, ruleSet, asOf) => evaluate(snapshot, { ruleSet, asOf });

describe.runIf(process.env.TZ === 'Europe/London')('reports are the ones pinned', () => {
  it('pins every rule set and chunk', () => {
    expect(Object.keys(pinned).length).toBe(DIGEST_RULE_SETS.length * (1 + DIGEST_GENERATED / DIGEST_CHUNK));
  });

  for (const ruleSet of DIGEST_RULE_SETS) {
    it(`on the example caseload, ${ruleSet}`, () => {
      expect(exampleDigest(byId, ruleSet)).toBe(pinned[`${ruleSet} example`]);
    });
    for (let from = 0; from < DIGEST_GENERATED; from += DIGEST_CHUNK) {
      it(`on generated snapshots ${from} to ${from + DIGEST_CHUNK - 1}, ${ruleSet}`, () => {
        expect(generatedDigest(byId, ruleSet, from)).toBe(pinned[`${ruleSet} ${from}`]);
      });
    }
  }
});
