/**
 * Compiles every YAML rule set folder (`rules/<id>/`), after validating it against the rule
 * schema, into `rules/<id>.json`, the table the library, the browser and the spreadsheets import,
 * and `rules/<id>.readings.json`, the notes and guidance no evaluation reads (kept out of the
 * table so that a page does not carry them; see src/rules/sets/readings.ts). Any problem is
 * printed with its file and line, and nothing is written.
 *
 *   npx tsx scripts/rules-compile.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRuleSetFiles, formatProblem } from '../src/rules/compile.js';
import { readRuleSetFolder, ruleSetFolders } from '../src/rules/yaml-folder.js';
import type { RuleSet } from '../src/rules/rule-schema.js';
import { splitReadings } from '../src/rules/sets/readings.js';
import { ruleSetJsonText } from '../src/rules/yaml-source.js';

const rulesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules');
const out = new Map<string, string>();
let failed = false;
for (const id of ruleSetFolders(rulesDir)) {
  const checked = checkRuleSetFiles(readRuleSetFolder(join(rulesDir, id)));
  if (checked.problems.length > 0) {
    failed = true;
    for (const p of checked.problems) console.error(formatProblem(p, `rules/${id}`));
  } else if (checked.compiled.ruleSet['id'] !== id) {
    failed = true;
    console.error(`rules/${id}/rule-set.yaml: the id must be the folder's name, "${id}".`);
  } else {
    // Split what the YAML says (not zod's output, whose key order is the schema's).
    const { table, readings } = splitReadings(checked.compiled.ruleSet as unknown as RuleSet);
    out.set(`${id}.json`, ruleSetJsonText(table));
    out.set(`${id}.readings.json`, ruleSetJsonText(readings));
  }
}
if (failed) process.exit(1);
for (const [name, text] of out) {
  const file = join(rulesDir, name);
  let before = '';
  try {
    before = readFileSync(file, 'utf8');
  } catch {
    // a new set: nothing to compare
  }
  if (before !== text) writeFileSync(file, text);
  console.log(`rules/${name.replace(/\..*$/, '')}/ → rules/${name}${before === text ? ' (unchanged)' : ''}`);
}
