import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportEntry, ImportResult } from '../../../src/import/problem.js';

/** `../shared/formats/` beside the repository: the real schemas and synthetic samples. */
export const FORMATS = fileURLToPath(new URL('../../../../shared/formats/', import.meta.url));

/** A file under `../shared/formats/` as text. */
export function formatText(path: string): string {
  return readFileSync(FORMATS + path, 'utf8');
}

/** Everything an importer yields, sorted into children and loose problems. */
export async function collect(entries: AsyncIterable<ImportEntry>): Promise<{ children: ImportResult[]; loose: ImportEntry[] }> {
  const children: ImportResult[] = [];
  const loose: ImportEntry[] = [];
  for await (const e of entries) (e.kind === 'problem' ? loose : children).push(e as ImportResult);
  return { children, loose };
}

/** The codes listed under a column of a liia-tools schema YAML (`- code: "A3"` lines). */
export function schemaCodes(yaml: string, table: string, column: string): string[] {
  const lines = yaml.split('\n');
  const t = lines.findIndex((l) => l.trim() === `${table}:`);
  const c = lines.findIndex((l, i) => i > t && l.trim() === `${column}:`);
  const out: string[] = [];
  for (let i = c + 1; i < lines.length; i++) {
    const m = /^\s*- code: "([^"]+)"/.exec(lines[i]!);
    if (m) out.push(m[1]!);
    else if (/canbeblank/.test(lines[i]!)) break;
  }
  return out;
}
