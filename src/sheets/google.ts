import { isFailure } from './cells.js';
import { sheetFunctions, type SheetFunctionOptions, type SheetFunctions } from './functions.js';

/**
 * A function's answer as Google Sheets shows it. A formula that gives one cell throws, so the
 * cell shows `#ERROR!` with the message. Apps Script cannot put an error in one cell of a range,
 * so in a range a cell with no answer holds the message as text starting `Error:`, and the other
 * cells are unaffected.
 */
export function forGoogleSheets(answer: unknown[][]): unknown[][] {
  if (answer.length === 1 && answer[0]!.length === 1 && isFailure(answer[0]![0])) throw new Error(answer[0]![0].message);
  return answer.map((row) => row.map((cell) => (isFailure(cell) ? `Error: ${cell.message}` : cell)));
}

/** The spreadsheet functions as Google Sheets calls them: dates as `Date`s in the sheet's zone, errors as Sheets shows them. */
export function googleSheetFunctions(options: Omit<SheetFunctionOptions, 'dates'> = {}): SheetFunctions {
  const core = sheetFunctions({ ...options, dates: 'date' });
  const out = {} as Record<keyof SheetFunctions, (...args: unknown[]) => unknown[][]>;
  for (const name of Object.keys(core) as (keyof SheetFunctions)[]) {
    const fn = core[name] as (...args: unknown[]) => unknown[][];
    out[name] = (...args) => forGoogleSheets(fn(...args));
  }
  return out as unknown as SheetFunctions;
}
