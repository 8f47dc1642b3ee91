/**
 * Writes docs/rules/<id>.md, the auditor's catalogue of each shipped rule set, from the YAML
 * folders in rules/ (the readings chosen live there, not in the shipped tables), their cases and
 * the source texts in ../shared/sources. A test fails when a catalogue is stale.
 *
 * Without ../shared/sources the quotes are still shown, verbatim, but without their line numbers
 * (each says the source text was not available); the script warns, and the staleness test skips
 * the sets whose source texts are absent rather than fail on them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LineCounter, parseDocument, isMap, isScalar, isSeq } from 'yaml';
import { renderCatalogue, type CatalogueCase } from '../src/rules/catalogue.js';
import type { RuleSet } from '../src/rules/rule-schema.js';
import { shippedRuleSetSource } from '../src/rules/sets/from-yaml.js';
import { readRuleSetFolder, ruleSetFolders } from '../src/rules/yaml-folder.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rulesDir = join(root, 'rules');
const sourcesDir = resolve(root, '../shared/sources');

/** Every case in a folder's `<area>.cases.yaml` files: its rule, name, file and line. */
export function casesInFolder(id: string): CatalogueCase[] {
  const out: CatalogueCase[] = [];
  for (const [file, text] of Object.entries(readRuleSetFolder(join(rulesDir, id)))) {
    if (!file.endsWith('.cases.yaml')) continue;
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines });
    const list = doc.get('cases', true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const rule = item.get('rule', true);
      const name = item.get('name', true);
      if (!isScalar(rule) || !isScalar(name)) continue;
      out.push({ rule: String(rule.value), name: String(name.value), file, ...(item.range ? { line: lines.linePos(item.range[0]).line } : {}) });
    }
  }
  return out;
}

/** The source texts the set's quotes cite, by file name, where ../shared/sources has them. */
export function sourcesFor(set: RuleSet): Record<string, string> {
  const files = new Set([set.source, ...set.rules.map((r) => r.cite.source), ...(set.guidance ?? []).map((g) => g.cite.source)]);
  const out: Record<string, string> = {};
  for (const f of files) if (f && existsSync(join(sourcesDir, f))) out[f] = readFileSync(join(sourcesDir, f), 'utf8');
  return out;
}

/** The source files a set cites that are not in ../shared/sources. */
export function missingSources(set: RuleSet): string[] {
  const cited = new Set([...set.rules.map((r) => r.cite.source), ...(set.guidance ?? []).map((g) => g.cite.source)]);
  return [...cited].filter((f): f is string => !!f && !existsSync(join(sourcesDir, f))).sort();
}

/** Where the catalogues live, and their text: `docs/rules/<rule set id>.md` for every rule set folder. */
export function ruleCatalogues(): { id: string; file: string; text: string; missingSources: string[] }[] {
  const ids = ruleSetFolders(rulesDir);
  const sets = new Map(ids.map((id) => [id, shippedRuleSetSource(id)]));
  return ids.map((id) => {
    const set = sets.get(id)!;
    const bases: RuleSet[] = [];
    for (let b = set.extends; b && sets.has(b); b = sets.get(b)!.extends) bases.push(sets.get(b)!);
    // The side-by-side view (scripts/rules-docs-source.ts) shows the set's own source text.
    const sourceView = existsSync(join(sourcesDir, set.source)) ? { [set.source]: `${id}.source.md` } : {};
    const text = renderCatalogue(set, { bases, sources: sourcesFor(set), cases: casesInFolder(id), sourceView });
    return { id, file: resolve(root, 'docs/rules', `${id}.md`), text, missingSources: missingSources(set) };
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const { file, text, missingSources: missing } of ruleCatalogues()) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
    if (missing.length > 0) console.warn(`  warning: ${missing.join(', ')} not in ../shared/sources: their quotes are shown without line numbers`);
  }
}
