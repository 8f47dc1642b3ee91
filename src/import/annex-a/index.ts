/**
 * Ofsted's Annex A lists (the workbook, or its lists saved as CSV) as case snapshots:
 * `practice-timescales/import/annex-a`.
 * @packageDocumentation
 */
import { csvRecords, type ImportFile } from '../files.js';
import { problem, type ImportEntry, type ImportProblem, type Origin } from '../problem.js';
import { buildAnnexAChild, cellText, type ListRow } from './child.js';
import { LISTS, LISTS_NOT_READ, listNumberOf, matchColumns, type ListColumn, type ListNumber } from './lists.js';
import { isWorkbook, readWorkbook, UnreadableWorkbook, type Cell } from './workbook.js';

export { combineSources, type NamedSource } from '../combine.js';
export { fileFromPath, fileFromText, type ImportFile } from '../files.js';
export type { ImportEntry, ImportProblem, ImportProblemCode, ImportResult } from '../problem.js';
export { annexASupply, ANNEX_A_SOURCE } from './supply.js';
export { LISTS, listNumberOf, type ListNumber } from './lists.js';

/** How many rows above the header a sheet may have (a title, a note) before the header is given up. */
const HEADER_SEARCH = 10;

/** One sheet's (or CSV file's) rows as cells in column order, with where each came from. */
interface RawRow {
  readonly at: Origin;
  readonly cells: readonly Cell[];
}

/** The lists' rows gathered by child, in the order children are first met. */
class Gathering {
  readonly children = new Map<string, ListRow[]>();
  readonly present = new Set<ListNumber>();
  readonly loose: ImportProblem[] = [];

  /** Reads one list's rows: finds its header, then keeps each row under its child's id. */
  async list(list: ListNumber, where: Origin, rows: AsyncIterable<RawRow>): Promise<void> {
    const columns: Readonly<Record<string, ListColumn>> = LISTS[list].columns;
    let index: Map<string, number> | undefined;
    let searched = 0;
    for await (const row of rows) {
      if (!index) {
        const found = matchColumns(columns, row.cells.map(cellText));
        if (!found.has('id')) {
          if (++searched >= HEADER_SEARCH) break;
          continue;
        }
        const missing = Object.entries(columns).filter(([k, c]) => c.required === true && !found.has(k));
        if (missing.length > 0) {
          for (const [, c] of missing) this.loose.push(problem(row.at, c.name, 'missing-column', `List ${list} has no such column (nor a variant of its name); the list is left out.`));
          return;
        }
        index = found;
        this.present.add(list);
        continue;
      }
      if (row.cells.every((c) => cellText(c) === '')) continue;
      const cells: Record<string, Cell> = {};
      const names: Record<string, string> = {};
      for (const [key, i] of index) {
        cells[key] = row.cells[i];
        names[key] = columns[key]!.name;
      }
      const id = cellText(cells.id);
      if (id === '' || id.length > 200) {
        this.loose.push(problem(row.at, columns.id!.name, 'missing-value', 'The row has no usable child id; it is left out.'));
        continue;
      }
      const listRows = this.children.get(id) ?? [];
      listRows.push({ list, at: row.at, names, cells });
      this.children.set(id, listRows);
    }
    if (!index) this.loose.push(problem(where, columns.id!.name, 'missing-column', `No header row naming the child's id in the first ${HEADER_SEARCH} rows; the list is left out.`));
  }

  /** The list a sheet or file holds, or a problem when its name names none the importer reads. */
  listOf(name: string, where: Origin): ListNumber | undefined {
    const n = listNumberOf(name);
    if (n !== undefined && n in LISTS) return n as ListNumber;
    if (n !== undefined && LISTS_NOT_READ.has(n)) return undefined;
    this.loose.push(problem(where, '', 'unknown-sheet', 'The name does not say which Annex A list this is (List 3 to List 10 are read); it is left out.'));
    return undefined;
  }
}

async function* workbookRows(file: string, sheet: string, rows: AsyncIterable<{ number: number; cells: readonly Cell[] }>): AsyncGenerator<RawRow> {
  for await (const r of rows) yield { at: { file, sheet, line: r.number }, cells: r.cells };
}

async function* csvListRows(file: ImportFile): AsyncGenerator<RawRow> {
  // Records as they stand: a title row may come before the header, which is searched for.
  for await (const r of csvRecords(file)) yield { at: r.at, cells: r.cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c)) };
}

/**
 * Imports Ofsted's Annex A: the workbook (`.xlsx`, each list a sheet named `List 3` and so on) or
 * its lists saved as CSV (each file named for its list: `List 8.csv`), lists 3 to 10. Columns are
 * found by their template names or the variants councils use. Yields every child once, as a
 * snapshot (declaring what the lists can supply: of visits, reviews, health assessments and
 * placements only the latest) or as an error, and problems not tied to a child. Dates may be
 * the workbook's own, `dd/mm/yyyy` or ISO text; a date that cannot be read is a problem naming
 * file, sheet, row and column, never its value.
 */
export async function* importAnnexA(files: readonly ImportFile[]): AsyncGenerator<ImportEntry> {
  const g = new Gathering();
  for (const file of files) {
    if (isWorkbook(file)) {
      try {
        for await (const sheet of readWorkbook(file)) {
          const list = g.listOf(sheet.name, { file: file.name, sheet: sheet.name });
          if (list !== undefined) await g.list(list, { file: file.name, sheet: sheet.name }, workbookRows(file.name, sheet.name, sheet.rows));
        }
      } catch (e) {
        if (!(e instanceof UnreadableWorkbook)) throw e;
        g.loose.push(problem({ file: file.name }, '', 'unreadable-file', 'The file cannot be read as an .xlsx workbook; what follows the fault is left out.'));
      }
    } else {
      const list = g.listOf(file.name, { file: file.name });
      if (list !== undefined) await g.list(list, { file: file.name, line: 1 }, csvListRows(file));
    }
    for (const p of g.loose.splice(0)) yield { kind: 'problem', problem: p };
  }
  for (const [id, rows] of g.children) yield buildAnnexAChild(id, rows, g.present);
}
