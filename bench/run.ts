/**
 * `npm run bench [name…]`: runs every `bench/*.bench.ts` in name order (or those whose name
 * contains one of the names given). Each file's default export prints its own figures, always as ratios against
 * a baseline measured in the same run, and records the issue 12 goals it measures; the run ends
 * with the table of those goals, every figure from this run.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { goalsTable } from './support/goals.js';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only.length > 0 && !only.some((name) => file.includes(name))) continue;
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<void> | void };
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  await mod.default();
}
const table = goalsTable();
if (table) console.log(`\n## Goals (issue 12)\n\n${table}`);
