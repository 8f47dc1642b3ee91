/**
 * The Children in Need census XML as case snapshots: `practice-timescales/import/cin-census`.
 * @packageDocumentation
 */
import type { ImportFile } from '../files.js';
import type { ImportEntry, ImportProblem } from '../problem.js';
import { xmlRecords } from '../xml-records.js';
import { buildCinChild } from './child.js';

export { combineSources, type NamedSource } from '../combine.js';
export { fileFromPath, fileFromText, type ImportFile } from '../files.js';
export type { CouncilDueDate, ImportEntry, ImportProblem, ImportProblemCode, ImportResult } from '../problem.js';
export { cinCensusSupply, CIN_CENSUS_SOURCE } from './supply.js';
export { reconcile, type Reconciliation } from '../reconcile.js';

/**
 * Imports CIN census XML files (any year's schema from 2017 on: the elements read have kept their
 * names), streamed child by child. Yields every `Child` once, as a snapshot (declaring what the
 * census can supply, with the council's own `InitialCPCtarget` dates to reconcile) or as an error.
 */
export async function* importCinCensus(files: readonly ImportFile[]): AsyncGenerator<ImportEntry> {
  const found: ImportProblem[] = [];
  for (const file of files) {
    for await (const node of xmlRecords(file, 'Child', found)) {
      yield buildCinChild(node, file.name);
      for (const p of found.splice(0)) yield { kind: 'problem', problem: p };
    }
    for (const p of found.splice(0)) yield { kind: 'problem', problem: p };
  }
}
