/**
 * A shipped rule set as its YAML folder writes it, notes and guidance included, for the scripts
 * and tests that read them (the side-by-side views, the citation checks). Node only: no entry
 * imports it. The tables the package evaluates leave the readings out (see readings.ts).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRuleSetFiles, formatProblem } from '../compile.js';
import type { RuleSet } from '../rule-schema.js';
import { readRuleSetFolder } from '../yaml-folder.js';

const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../rules');

/**
 * The set `rules/<id>/` compiles to, validated but not linked to the set it extends.
 *
 * @throws Error listing every problem in the folder's files.
 */
export function shippedRuleSetSource(id: string): RuleSet {
  const checked = checkRuleSetFiles(readRuleSetFolder(join(RULES_DIR, id)));
  if (!checked.ruleSet) throw new Error(checked.problems.map((p) => formatProblem(p, `rules/${id}`)).join('\n'));
  return checked.ruleSet;
}
