import { csvRows, type ImportFile } from '../files.js';
import { problem, type ImportProblem } from '../problem.js';
import { childRows, type ChildRows } from './child.js';

/** The tables of the return, recognised by the columns only they have. */
const TABLES = [
  { table: 'socialWorkers', marks: ['SW_ID'] },
  { table: 'missing', marks: ['MIS_START'] },
  { table: 'reviews', marks: ['REVIEW'] },
  { table: 'episodes', marks: ['DECOM'] },
  { table: 'headers', marks: ['SEX', 'DOB'] },
] as const;

type Table = (typeof TABLES)[number]['table'];

/** The table a CSV file holds, from its columns. */
export function tableOf(columns: readonly string[]): Table | undefined {
  return TABLES.find((t) => t.marks.every((m) => columns.includes(m)))?.table;
}

/**
 * Reads the return's CSV files (header, episodes, reviews, missing, social worker episodes, in
 * any order and under any names: each is recognised by its columns) and gathers each child's
 * rows, in the order children are first met. Rows stream in; a return holds one year's
 * looked-after children, so the gathering is what is kept in memory.
 */
export async function gatherCsv(files: readonly ImportFile[], problems: ImportProblem[]): Promise<Map<string, ChildRows>> {
  const children = new Map<string, ChildRows>();
  for (const file of files) {
    let table: Table | undefined;
    for await (const row of csvRows(file, (columns) => {
      table = tableOf(columns);
      if (!table) problems.push(problem({ file: file.name, line: 1 }, '', 'missing-column', 'Not a table of the SSDA903 return: no header, episodes, reviews, missing or social worker episode columns; the file is left out.'));
      else if (!columns.includes('CHILD')) {
        problems.push(problem({ file: file.name, line: 1 }, 'CHILD', 'missing-column', 'The file has no CHILD column; the file is left out.'));
        table = undefined;
      }
    })) {
      if (!table) break;
      const id = row.cells.CHILD ?? '';
      if (id === '' || id.length > 200) {
        problems.push(problem(row.at, 'CHILD', 'missing-value', 'The row has no usable child id; it is left out.'));
        continue;
      }
      let child = children.get(id);
      if (!child) children.set(id, (child = childRows(id)));
      child[table].push(row);
    }
  }
  return children;
}
