import { CellFailure, failureOf } from './cells.js';

/** A range as spreadsheets pass it: rows of cells. */
export type Grid = readonly (readonly unknown[])[];

/**
 * A range argument as a grid. Google Sheets passes a single cell as a bare value and a range as
 * rows; Excel passes rows for every parameter declared as a matrix. A missing argument is one
 * empty cell.
 */
export function toGrid(value: unknown): Grid {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) return [['']];
  if (!value.every((row) => Array.isArray(row))) return value.map((cell: unknown) => [cell]);
  return value as Grid;
}

/** Every cell of a grid, row by row (for lists such as closure days). */
export function cellsOf(value: unknown): unknown[] {
  return toGrid(value).flat();
}

const SIZE_MISMATCH = new CellFailure('not-available', 'The ranges in this formula are different sizes, so this cell has no partner in one of them.');

function extent(grids: readonly Grid[], size: (g: Grid) => number): number {
  return grids.reduce((n, g) => Math.max(n, size(g)), 1);
}

/** Marks a cell past the end of a smaller range. */
const MISSING: unique symbol = Symbol('missing');

function cellAt(g: Grid, r: number, c: number): unknown {
  const row = g.length === 1 ? g[0]! : g[r];
  if (row === undefined) return MISSING;
  if (row.length === 1) return row[0];
  return c < row.length ? row[c] : MISSING;
}

/**
 * Applies a function cell by cell across ranges of the same shape, the way spreadsheet arrays
 * combine: a single cell (or a single row or column) is repeated across the others, so
 * `WORKDAYS_ADD(A2:A100, 10)` adds 10 to every date. Cells past the end of a smaller range get
 * `#N/A`, as in Excel. A cell whose function throws gets a {@link CellFailure} and the rest of
 * the range is unaffected.
 */
export function mapCells(args: readonly unknown[], fn: (cells: unknown[]) => unknown): unknown[][] {
  const grids = args.map(toGrid);
  const rows = extent(grids, (g) => g.length);
  const cols = extent(grids, (g) => g.reduce((n, row) => Math.max(n, row.length), 0));
  const out: unknown[][] = new Array(rows);
  const cells: unknown[] = new Array(grids.length);
  for (let r = 0; r < rows; r++) {
    const line: unknown[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      let complete = true;
      for (let i = 0; i < grids.length; i++) {
        const value = cellAt(grids[i]!, r, c);
        if (value === MISSING) complete = false;
        cells[i] = value;
      }
      if (!complete) {
        line[c] = SIZE_MISMATCH;
        continue;
      }
      try {
        line[c] = fn(cells);
      } catch (e) {
        line[c] = failureOf(e);
      }
    }
    out[r] = line;
  }
  return out;
}
