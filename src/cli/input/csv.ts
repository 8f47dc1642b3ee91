import { parse, CsvError } from 'csv-parse';
import { Readable } from 'node:stream';
import { CASE_COLUMNS, CASE_FIELDS, EVENT_BASE_COLUMNS, EVENT_FIELDS, eventColumnKind, readHeader, type CellKind, type CsvLayout } from './csv-layout.js';
import type { InputRecord, Problem, RecordSource } from './record.js';

const AMBIGUOUS_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const BATCH = 256;
const CASE_COLUMN_SET: ReadonlySet<string> = new Set(CASE_COLUMNS);
const BASE_COLUMNS: ReadonlySet<string> = new Set(EVENT_BASE_COLUMNS);

function ambiguousDate(path: string, line: number): Problem {
  return {
    code: 'ambiguous-date',
    path,
    line,
    message: 'Dates must be written YYYY-MM-DD (for example 2024-01-05). A date written with slashes or dots, such as 05/01/2024, could be read day first or month first, so it is not guessed.',
  };
}

/** Turns a cell into the JSON value the schema expects; a cell that cannot be converted is left as text for the schema to reject. */
function cellValue(text: string, kind: CellKind, path: string, line: number, problems: Problem[]): unknown {
  switch (kind) {
    case 'boolean':
      return /^true$/i.test(text) ? true : /^false$/i.test(text) ? false : text;
    case 'number':
      return NUMBER.test(text) ? Number(text) : text;
    case 'list':
      return text.split(';').map((s) => s.trim()).filter((s) => s !== '');
    case 'date':
    case 'date-time':
      if (AMBIGUOUS_DATE.test(text)) problems.push(ambiguousDate(path, line));
      return text;
    case 'string':
      return text;
  }
}

/** The rows of one case being gathered. */
class CaseRows {
  readonly snapshot: Record<string, unknown>;
  readonly child: Record<string, unknown> = {};
  readonly events: Record<string, unknown>[] = [];
  readonly eventLines: number[] = [];
  readonly problems: Problem[] = [];

  constructor(
    readonly caseId: string,
    readonly line: number,
  ) {
    this.snapshot = { caseId, child: this.child, events: this.events };
  }

  /** Case columns may be given once or repeated; repeated values must agree. */
  setCaseField(column: (typeof CASE_COLUMNS)[number], text: string, line: number): void {
    const { path, kind } = CASE_FIELDS[column];
    const target = path.length === 2 ? this.child : this.snapshot;
    const key = path[path.length - 1]!;
    const value = cellValue(text, kind, path.join('.'), line, this.problems);
    if (!(key in target)) target[key] = value;
    else if (target[key] !== value) {
      this.problems.push({ code: 'inconsistent-case-field', path: path.join('.'), line, message: 'Rows of this case disagree on this field: give it on the first row only, or the same on every row.' });
    }
  }

  addRow(layout: CsvLayout, cells: readonly string[], line: number): void {
    if (cells.length !== layout.columns.length) {
      this.problems.push({ code: 'csv-row-length', path: '', line, message: `This row has ${cells.length} cells but the header has ${layout.columns.length}: check for a stray or missing comma.` });
      return;
    }
    const index = this.events.length;
    const event: Record<string, unknown> = {};
    const eventProblems: Problem[] = [];
    const type = layout.typeIndex === -1 ? undefined : cells[layout.typeIndex];
    const fields = type === undefined ? undefined : EVENT_FIELDS.get(type);
    let hasEvent = false;
    layout.columns.forEach((column, i) => {
      const text = cells[i]!;
      if (text === '' || column === 'caseId') return;
      if (CASE_COLUMN_SET.has(column)) {
        this.setCaseField(column as (typeof CASE_COLUMNS)[number], text, line);
        return;
      }
      hasEvent = true;
      const key = column === 'eventId' ? 'id' : column;
      const path = `events[${index}].${key}`;
      if (fields && !BASE_COLUMNS.has(column) && !fields.has(column)) {
        eventProblems.push({ code: 'column-not-for-event-type', path, line, message: `The ${column} column does not apply to ${type!} events: leave it empty on this row.` });
        return;
      }
      event[key] = cellValue(text, eventColumnKind(column)!, path, line, eventProblems);
    });
    if (!hasEvent) return;
    this.events.push(event);
    this.eventLines.push(line);
    this.problems.push(...eventProblems);
  }

  toRecord(): InputRecord {
    // A row that could not be split into its columns may hold any field: checking the rest
    // against the schema would report fields as missing that are only misplaced.
    const unreadable = this.problems.some((p) => p.code === 'csv-row-length' || p.code === 'csv-syntax');
    return { line: this.line, caseId: this.caseId, ...(unreadable ? {} : { value: this.snapshot }), problems: this.problems, eventLines: this.eventLines };
  }
}

const SYNTAX: Readonly<Record<string, string>> = {
  CSV_INVALID_CLOSING_QUOTE: 'a quoted cell is followed by more text before the next comma',
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted cell is followed by more text before the next comma',
};

/**
 * Reads snapshots from CSV, one row per event, rows of a case together (the layout is in
 * `CSV_LAYOUT_HELP`). Rows are read one at a time and a case is handed on as soon as its last row is
 * read, so memory holds one case at a time.
 */
export async function* readCsvSnapshots(chunks: AsyncIterable<string>): RecordSource {
  const parser = parse({ info: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  Readable.from(chunks).pipe(parser);
  let layout: CsvLayout | undefined;
  let current: CaseRows | undefined;
  let batch: InputRecord[] = [];
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const cells = row.record;
      let line = row.info.lines;
      for (const c of cells) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) line--;
      if (!layout) {
        layout = readHeader(cells);
        continue;
      }
      const caseId = cells[layout.caseIdIndex] ?? '';
      if (caseId === '') {
        const problem: Problem = {
          code: 'missing-field',
          path: 'caseId',
          line,
          message: 'This row has no caseId. It is taken to belong to the case on the rows before it, which is therefore not evaluated: give the case id on every row.',
        };
        if (current) current.problems.push(problem);
        else batch.push({ line, caseId: undefined, problems: [problem] });
        continue;
      }
      if (current?.caseId !== caseId) {
        if (current) batch.push(current.toRecord());
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
        current = new CaseRows(caseId, line);
      }
      current.addRow(layout, cells, line);
    }
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = typeof (e as unknown as { lines?: unknown }).lines === 'number' ? (e as unknown as { lines: number }).lines : 0;
    const what = SYNTAX[e.code] ?? `the CSV cannot be read here (${e.code})`;
    if (current) {
      current.problems.push({ code: 'csv-syntax', path: '', line, message: `Reading stopped at line ${line} (${what}), so this case's later rows may be missing.` });
    }
    batch.push(...(current ? [current.toRecord()] : []), { line, caseId: undefined, problems: [{ code: 'csv-syntax', path: '', line, message: `Reading stopped here: ${what}. The rows from here on were not read.` }] });
    yield batch;
    return;
  }
  if (current) batch.push(current.toRecord());
  if (batch.length > 0) yield batch;
}
