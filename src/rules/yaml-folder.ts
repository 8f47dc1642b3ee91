/**
 * Reads and writes rule set folders on disk, for the build, the converter and `rules check`.
 * Node only: the library's core entry never imports it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The `.yaml` files of a folder, by file name, in name order. */
export function readRuleSetFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.yaml') && statSync(join(dir, name)).isFile()) files[name] = readFileSync(join(dir, name), 'utf8');
  }
  return files;
}

/** The rule set folders under a directory: those holding a `rule-set.yaml`, by folder name. */
export function ruleSetFolders(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .filter((name) => {
      try {
        return statSync(join(dir, name, 'rule-set.yaml')).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}
