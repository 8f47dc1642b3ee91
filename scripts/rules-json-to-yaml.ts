/**
 * Converts a rule set from JSON (`rules/<id>.json` and its notes and guidance,
 * `rules/<id>.readings.json`) to its YAML folder (`rules/<id>/`), the source the build compiles. Deterministic, so it can be re-run whenever the JSON was edited
 * elsewhere (then `npm run rules:compile` writes the JSON back from the YAML). Case files
 * (`*.cases.yaml`) are left alone; other YAML files in the folder are replaced.
 *
 *   npx tsx scripts/rules-json-to-yaml.ts [id ...]     (default: every rules/*.json)
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleSet } from '../src/rules/rule-schema.js';
import { joinReadings, type RuleSetReadings } from '../src/rules/sets/readings.js';
import { ruleSetToYamlFiles } from '../src/rules/yaml-source.js';

const rulesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules');
const ids = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(rulesDir).filter((f) => f.endsWith('.json') && !f.endsWith('.readings.json')).map((f) => f.slice(0, -5)).sort();
for (const id of ids) {
  const table = JSON.parse(readFileSync(join(rulesDir, `${id}.json`), 'utf8')) as RuleSet;
  const set = joinReadings(table, JSON.parse(readFileSync(join(rulesDir, `${id}.readings.json`), 'utf8')) as RuleSetReadings);
  const dir = join(rulesDir, id);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (name.endsWith('.yaml') && !name.endsWith('.cases.yaml')) rmSync(join(dir, name));
  const files = ruleSetToYamlFiles(set);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  console.log(`rules/${id}.json → rules/${id}/ (${Object.keys(files).join(', ')})`);
}
