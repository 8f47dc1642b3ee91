/**
 * The SSDA903 looked-after children return as case snapshots: `practice-timescales/import/ssda903`.
 * @packageDocumentation
 */
import type { ImportFile } from '../files.js';
import type { ImportEntry, ImportProblem } from '../problem.js';
import { buildChild, childRows, type ChildRows } from './child.js';
import { gatherCsv } from './csv.js';
import { streamXml } from './xml.js';

export { combineSources, type NamedSource } from '../combine.js';
export { fileFromPath, fileFromText, type ImportFile } from '../files.js';
export type { ImportEntry, ImportProblem, ImportProblemCode, ImportResult } from '../problem.js';
export { LEGAL_STATUS, PLACEMENT_KIND, TEMPORARY_PLACEMENT, placementKind } from './codes.js';
export { ssda903Supply, SSDA903_SOURCE } from './supply.js';

function isXml(file: ImportFile): boolean {
  return /\.xml$/i.test(file.name);
}

function* problems(list: ImportProblem[]): Generator<ImportEntry> {
  for (const p of list.splice(0)) yield { kind: 'problem', problem: p };
}

function merge(into: Map<string, ChildRows>, rows: ChildRows): void {
  const child = into.get(rows.id) ?? childRows(rows.id);
  for (const k of ['headers', 'episodes', 'reviews', 'missing', 'socialWorkers'] as const) child[k].push(...rows[k]);
  into.set(rows.id, child);
}

/**
 * Imports an SSDA903 return: its CSV files (header, episodes, reviews, missing, social worker
 * episodes, recognised by their columns) or its XML, streamed. Yields every child once, as a
 * snapshot (declaring what the return can supply, with the problems of rows left out) or as an
 * error, and problems not tied to a child. Dates are `dd/mm/yyyy`; a date outside the calendar
 * is a problem, never a guess.
 */
export async function* importSsda903(files: readonly ImportFile[]): AsyncGenerator<ImportEntry> {
  const found: ImportProblem[] = [];
  const xml = files.filter(isXml);
  const csv = files.filter((f) => !isXml(f));
  if (csv.length === 0) {
    // XML alone: one child at a time, straight through.
    const seen = new Set<string>();
    for (const file of xml) {
      for await (const rows of streamXml(file, found)) {
        if (seen.has(rows.id)) {
          found.push({ code: 'duplicate-child', file: file.name, ...(rows.headers[0] ? { element: rows.headers[0].at.element } : {}), column: 'CHILDID', childId: rows.id, message: 'The child appears a second time; the second record is left out.' } as ImportProblem);
        } else {
          seen.add(rows.id);
          yield buildChild(rows);
        }
        yield* problems(found);
      }
      yield* problems(found);
    }
    return;
  }
  const children = await gatherCsv(csv, found);
  for (const file of xml) for await (const rows of streamXml(file, found)) merge(children, rows);
  yield* problems(found);
  for (const rows of children.values()) yield buildChild(rows);
}
