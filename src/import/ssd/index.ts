/**
 * The Standard Safeguarding Dataset (a folder of `ssd_*.csv` exports) as case snapshots:
 * `practice-timescales/import/ssd`.
 * @packageDocumentation
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { csvRows, fileFromPath, type CsvRow, type ImportFile } from '../files.js';
import { problem, type ImportEntry, type ImportProblem } from '../problem.js';
import { buildSsdChild, SSD_TABLES, ssdChild, type SsdChild, type SsdTable } from './child.js';

export { combineSources, type NamedSource } from '../combine.js';
export { fileFromPath, fileFromText, type ImportFile } from '../files.js';
export type { CouncilDueDate, ImportEntry, ImportProblem, ImportProblemCode, ImportResult } from '../problem.js';
export { reconcile, type Reconciliation } from '../reconcile.js';
export { ssdSupply, SSD_SOURCE } from './supply.js';
export { SSD_TABLES, type SsdTable } from './child.js';

/** The `ssd_*.csv` files of a folder, as import files. */
export async function ssdFolder(folder: string): Promise<ImportFile[]> {
  const names = (await readdir(folder)).filter((n) => /^ssd_[a-z_]+\.csv$/i.test(n)).sort();
  return names.map((n) => fileFromPath(join(folder, n)));
}

function tableOf(name: string): SsdTable | undefined {
  const t = basename(name).replace(/\.csv$/i, '').toLowerCase();
  return t in SSD_TABLES ? (t as SsdTable) : undefined;
}

/**
 * Imports SSD tables (files named `ssd_<table>.csv`), joined by person id. Date-times carry no
 * offset and are read as Europe/London local dates. Yields every person once, as a snapshot or
 * an error; files of tables the importer does not read are named as problems and skipped.
 */
export async function* importSsd(files: readonly ImportFile[]): AsyncGenerator<ImportEntry> {
  const found: ImportProblem[] = [];
  const people = new Map<string, SsdChild>();
  const claReviews = new Map<string, CsvRow[]>();
  const claPerson = new Map<string, string>();
  for (const file of files) {
    const table = tableOf(file.name);
    if (!table) {
      found.push(problem({ file: file.name }, '', 'missing-column', 'Not an SSD table this importer reads; the file is left out.'));
      continue;
    }
    const personColumn = SSD_TABLES[table];
    for await (const row of csvRows(file, () => {})) {
      if (table === 'ssd_cla_reviews') {
        const cla = row.cells.clar_cla_id ?? '';
        const list = claReviews.get(cla) ?? [];
        list.push(row);
        claReviews.set(cla, list);
        continue;
      }
      const id = row.cells[personColumn] ?? '';
      if (id === '' || id.length > 200) {
        found.push(problem(row.at, personColumn, 'missing-value', 'The row has no usable person id; it is left out.'));
        continue;
      }
      let child = people.get(id);
      if (!child) people.set(id, (child = ssdChild(id)));
      child[table].push(row);
      if (table === 'ssd_cla_episodes' && row.cells.clae_cla_id) claPerson.set(row.cells.clae_cla_id, id);
    }
  }
  const reviewsOf = new Map<string, CsvRow[]>();
  for (const [cla, rows] of claReviews) {
    const person = claPerson.get(cla);
    if (person === undefined) {
      for (const r of rows) found.push(problem(r.at, 'clar_cla_id', 'orphan-row', 'The review names a period of care that is not in ssd_cla_episodes; it is left out.'));
      continue;
    }
    reviewsOf.set(person, [...(reviewsOf.get(person) ?? []), ...rows]);
  }
  for (const p of found.splice(0)) yield { kind: 'problem', problem: p };
  for (const child of people.values()) yield buildSsdChild(child, reviewsOf.get(child.id) ?? []);
}
