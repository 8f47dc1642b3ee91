import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderCatalogue } from '../src/rules/catalogue.js';
import { getRuleSet, ruleSetChain, ruleSetIds } from '../src/rules/registry.js';

/** Where the catalogues live, and their text: `docs/rules/<rule set id>.md` for every shipped set. */
export function ruleCatalogues(): { file: string; text: string }[] {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  return ruleSetIds.map((id) => {
    const set = getRuleSet(id);
    return { file: resolve(root, 'docs/rules', `${id}.md`), text: renderCatalogue(set, ruleSetChain(set)) };
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const { file, text } of ruleCatalogues()) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}
