/**
 * Writes the JSON Schemas (draft 2020-12) of the snapshots into dist/, generated from the zod
 * schemas so the two can never disagree. Council systems not written in JavaScript validate
 * their exports with them (`practice-timescales/case-snapshot.schema.json`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotJsonSchemas } from './json-schemas.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
mkdirSync(dist, { recursive: true });
for (const [file, schema] of Object.entries(snapshotJsonSchemas())) {
  writeFileSync(join(dist, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote dist/${file}`);
}
