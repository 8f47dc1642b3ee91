import { createHash } from 'node:crypto';
import { evaluate, generateSnapshot } from '../../src/index.js';
import { SAMPLE_RULES } from './sample-rules.js';

/**
 * A digest of the reports on 60 generated snapshots against the sample rules and the shipped
 * Leeds and West Berkshire sets: equal digests mean identical reports.
 */
export function reportsFingerprint(): string {
  const hash = createHash('sha256');
  for (let i = 0; i < 60; i++) {
    const snapshot = generateSnapshot(20240409, i);
    for (const ruleSet of [SAMPLE_RULES, 'leeds-2023', 'west-berkshire']) hash.update(JSON.stringify(evaluate(snapshot, { ruleSet, asOf: '2024-04-09' })));
  }
  return hash.digest('hex');
}
