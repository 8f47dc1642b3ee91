/**
 * The CSV layout of case snapshots: the event table layout the library publishes (one home for
 * what the columns mean, shared with the spreadsheets), with the command line's wording.
 */
import { EVENT_TABLE_HELP, TimescaleError, readHeader as readTableHeader, type EventTableLayout } from '../../index.js';
import { UsageError } from '../errors.js';

/** The CSV layout of case snapshots, as `evaluate --help` explains it. */
export const CSV_LAYOUT_HELP = `CSV input: ${EVENT_TABLE_HELP.charAt(0).toLowerCase()}${EVENT_TABLE_HELP.slice(1)}`;

/** What each column of a file holds. */
export type CsvLayout = EventTableLayout;

/**
 * Checks a header row: every column known, none twice, `caseId` present.
 * @throws UsageError naming the column and listing the accepted ones.
 */
export function readHeader(cells: readonly string[]): CsvLayout {
  try {
    return readTableHeader(cells);
  } catch (e) {
    if (e instanceof TimescaleError) throw new UsageError(e.message.replace(/^The header/, 'The CSV header'));
    throw e;
  }
}
