/**
 * Writes docs/rules/<id>.source.md, the side-by-side view of each shipped standard whose source
 * text is in ../shared/sources (see src/rules/source-view.ts). A test fails when they are stale.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleSetIds } from '../src/rules/registry.js';
import { shippedRuleSetSource } from '../src/rules/sets/from-yaml.js';
import { renderSourceView } from '../src/rules/source-view.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
for (const id of ruleSetIds) {
  const set = shippedRuleSetSource(id); // with its guidance, which the shipped table leaves out
  const file = resolve(root, '../shared/sources', set.source);
  if (!existsSync(file)) continue;
  const caseFiles = new Set(readdirSync(join(root, 'rules', id)).filter((f) => f.endsWith('.cases.yaml')));
  writeFileSync(join(root, 'docs/rules', `${id}.source.md`), renderSourceView(set, readFileSync(file, 'utf8'), caseFiles));
  console.log(`wrote docs/rules/${id}.source.md`);
}
