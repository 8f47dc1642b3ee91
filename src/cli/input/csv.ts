import { UsageError } from '../errors.js';
import { CASE_COLUMNS, CASE_FIELDS, EVENT_BASE_COLUMNS, EVENT_FIELDS, eventColumnKind, readHeader, type CellKind, type CsvLayout } from './csv-layout.js';
import { physicalLines } from './lines.js';
import { DEFAULT_READ_LIMITS, recordTooLarge, type InputRecord, type Problem, type ReadLimits, type RecordSource } from './record.js';
import { isWellFormedText, NOT_UTF8 } from './utf8.js';

const AMBIGUOUS_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;
const NUMBER = /^-?\d+(\.\d+)?$/;
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
    const unreadable = this.problems.some((p) => p.code === 'csv-row-length' || p.code === 'csv-syntax' || p.code === 'invalid-utf8' || p.code === 'record-too-large');
    return { line: this.line, caseId: this.caseId, ...(unreadable ? {} : { value: this.snapshot }), problems: this.problems, eventLines: this.eventLines };
  }
}

/** A row's cells, or why the row cannot be split into cells. */
type Split = { readonly cells: string[] } | { readonly fault: string };

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/**
 * Splits one line into cells (RFC 4180 quoting, `""` for a quote inside a quoted cell, spaces
 * around cells trimmed). A quoted cell cannot hold a line break: no snapshot column is free
 * text, and reading one row per line is what lets a broken row cost only itself.
 */
export function splitCells(text: string): Split {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let j = i;
    while (isBlank(text[j])) j++;
    if (text[j] === '"') {
      let cell = '';
      let k = j + 1;
      for (;;) {
        const q = text.indexOf('"', k);
        if (q === -1) return { fault: 'a quoted cell is not closed on its line' };
        cell += text.slice(k, q);
        if (text[q + 1] === '"') {
          cell += '"';
          k = q + 2;
          continue;
        }
        k = q + 1;
        break;
      }
      while (isBlank(text[k])) k++;
      cells.push(cell);
      if (k === text.length) return { cells };
      if (text[k] !== ',') return { fault: 'a quoted cell is followed by more text before the next comma' };
      i = k + 1;
      continue;
    }
    const comma = text.indexOf(',', i);
    const cell = text.slice(i, comma === -1 ? text.length : comma);
    if (cell.includes('"')) return { fault: 'a cell that does not start with a quote has one inside it' };
    cells.push(cell.trim());
    if (comma === -1) return { cells };
    i = comma + 1;
  }
}

/** The case id of a row that cannot be split, when its cell is plain enough to read. */
function legibleCell(text: string, index: number): string | undefined {
  let cell = (text.split(',')[index] ?? '').trim();
  if (cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"')) cell = cell.slice(1, -1);
  return cell !== '' && cell.length <= 200 && !cell.includes('"') && isWellFormedText(cell) ? cell : undefined;
}

function syntaxProblem(line: number, what: string): Problem {
  return { code: 'csv-syntax', path: '', line, message: `This row cannot be split into cells (${what}), so it was not read; reading went on at the next line.` };
}

/**
 * Reads snapshots from CSV, one row per event, rows of a case together (the layout is in
 * `CSV_LAYOUT_HELP`). Rows are read one line at a time and a case is handed on as soon as its
 * last row is read, so memory holds one case at a time.
 *
 * A row that cannot be read (a stray or unclosed quote, bytes that are not UTF-8, a line over the
 * size limit) costs only itself: it is an error on the case it names when its case id is legible
 * (the case is rejected, having lost an event), else an error row of its own, and reading goes
 * on at the next line. An unreadable row between two rows of one case may be one of its events,
 * so that case is rejected too. Blank rows (empty, or only commas, as spreadsheets export them)
 * are skipped.
 */
export async function* readCsvSnapshots(chunks: AsyncIterable<string>, limits: ReadLimits = DEFAULT_READ_LIMITS): RecordSource {
  let layout: CsvLayout | undefined;
  let current: CaseRows | undefined;
  let unreadAfter: { rows: CaseRows; line: number } | undefined; // an unreadable row without a legible case id, after the current case's rows
  let batch: InputRecord[] = [];
  const startCase = (caseId: string, line: number): CaseRows => {
    if (current) batch.push(current.toRecord());
    current = new CaseRows(caseId, line);
    return current;
  };
  for await (const lines of physicalLines(chunks, limits)) {
    for (const { number: line, text, tooLarge } of lines) {
      let problem: Problem | undefined;
      let cells: string[] | undefined;
      if (tooLarge) problem = { ...recordTooLarge(limits), line };
      else if (!isWellFormedText(text)) problem = { ...NOT_UTF8, line };
      else {
        const split = splitCells(text);
        if ('fault' in split) problem = syntaxProblem(line, split.fault);
        else cells = split.cells;
      }
      if (cells && cells.every((c) => c === '')) continue;
      if (!layout) {
        if (!cells) throw new UsageError(`The CSV header on line ${line} cannot be read: ${problem!.message}`);
        layout = readHeader(cells);
        continue;
      }
      if (problem) {
        const caseId = legibleCell(text, layout.caseIdIndex);
        if (caseId === undefined) {
          batch.push({ line, caseId: undefined, problems: [problem] });
          if (current) unreadAfter = { rows: current, line };
        } else (current?.caseId === caseId ? current : startCase(caseId, line)).problems.push(problem);
        continue;
      }
      const caseId = cells![layout.caseIdIndex] ?? '';
      if (caseId === '') {
        const missing: Problem = {
          code: 'missing-field',
          path: 'caseId',
          line,
          message: 'This row has no caseId. It is taken to belong to the case on the rows before it, which is therefore not evaluated: give the case id on every row.',
        };
        if (current) current.problems.push(missing);
        else batch.push({ line, caseId: undefined, problems: [missing] });
        continue;
      }
      if (unreadAfter && unreadAfter.rows === current && current.caseId === caseId) {
        current.problems.push({
          code: 'unreadable-row-within-case',
          path: '',
          line: unreadAfter.line,
          message: `The row on line ${unreadAfter.line}, between this case's rows, could not be read and may be one of its events, so the case is not evaluated.`,
        });
      }
      unreadAfter = undefined;
      (current?.caseId === caseId ? current : startCase(caseId, line)).addRow(layout, cells!, line);
    }
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  if (current) batch.push(current.toRecord());
  if (batch.length > 0) yield batch;
}
