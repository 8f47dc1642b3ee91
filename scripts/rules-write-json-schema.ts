/** Writes the rule set JSON Schemas (see rules-json-schemas.ts) into dist/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleJsonSchemas } from './rules-json-schemas.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
mkdirSync(dist, { recursive: true });
for (const [file, schema] of Object.entries(ruleJsonSchemas())) {
  writeFileSync(join(dist, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote dist/${file}`);
}
