/**
 * Rewrites test/engine/fixtures/report-digests.json from the engine as it is, for a change to
 * the engine's answers or words that is meant: `npx tsx test/engine/write-report-digests.ts`.
 */
import { writeFileSync } from 'node:fs';
import { evaluate } from '../../src/index.js';
import { allDigests } from './report-digests.js';

const digests = allDigests((snapshot, ruleSet, asOf) => evaluate(snapshot, { ruleSet, asOf }));
writeFileSync(new URL('./fixtures/report-digests.json', import.meta.url), `${JSON.stringify(digests, null, 2)}\n`);
console.log(`${Object.keys(digests).length} digests written`);
