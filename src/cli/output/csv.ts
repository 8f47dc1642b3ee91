import { stringify } from 'csv-stringify/sync';

/** Byte order mark that tells Excel a CSV file is UTF-8. */
export const BOM = '\uFEFF';

/** A cell: text, a number, a flag or empty. Dates are already ISO text. */
export type Cell = string | number | boolean | null | undefined;

/**
 * Writes rows as CSV (RFC 4180, `\r\n` line ends as Excel expects). Cells beginning with `=`,
 * `+`, `-`, `@`, tab or carriage return are prefixed with a single quote, so that a spreadsheet
 * shows them as text instead of running them as formulas (a case id or event id in an extract
 * is data from another system and could hold one).
 */
export function csvRows(rows: readonly (readonly Cell[])[]): string {
  return stringify(rows as Cell[][], {
    escape_formulas: true,
    record_delimiter: 'windows',
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
}
