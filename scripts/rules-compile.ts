/**
 * Compiles every YAML rule set folder (`rules/<id>/`) into `rules/<id>.json`, the data the
 * library, the browser and the spreadsheets import, after validating it against the rule schema.
 * Any problem is printed with its file and line, and nothing is written.
 *
 *   npx tsx scripts/rules-compile.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRuleSetFiles, formatProblem } from '../src/rules/compile.js';
import { readRuleSetFolder, ruleSetFolders } from '../src/rules/yaml-folder.js';
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
  } else out.set(id, ruleSetJsonText(checked.compiled.ruleSet));
}
if (failed) process.exit(1);
for (const [id, text] of out) {
  const file = join(rulesDir, `${id}.json`);
  let before = '';
  try {
    before = readFileSync(file, 'utf8');
  } catch {
    // a new set: nothing to compare
  }
  if (before !== text) writeFileSync(file, text);
  console.log(`rules/${id}/ → rules/${id}.json${before === text ? ' (unchanged)' : ''}`);
}
