import { UsageError } from '../errors.js';
import { missingCaseId, TableCase, type TableProblem } from '../../index.js';
import { readHeader, type CsvLayout } from './csv-layout.js';
import { physicalLines } from './lines.js';
import { DEFAULT_READ_LIMITS, recordTooLarge, type InputRecord, type Problem, type ReadLimits, type RecordSource } from './record.js';
import { isWellFormedText, NOT_UTF8 } from './utf8.js';

/** An event table's problem as the readers count it: by line. */
function lineProblem({ row, ...p }: TableProblem): Problem {
  return { ...p, line: row };
}

/**
 * The rows of one case: the event table's own reading of them (one home for what the columns
 * mean, shared with the spreadsheets), plus what only a file can get wrong (rows that cannot be
 * split, bytes that are not UTF-8, an oversized line).
 */
class CaseRows {
  readonly table: TableCase;
  readonly problems: Problem[] = [];

  constructor(
    readonly caseId: string,
    readonly line: number,
  ) {
    this.table = new TableCase(caseId, line);
  }

  addRow(layout: CsvLayout, cells: readonly string[], line: number): void {
    this.table.addRow(layout, cells, line);
  }

  toRecord(): InputRecord {
    const problems = [...this.problems, ...this.table.problems.map(lineProblem)].sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
    // A row that could not be split into its columns may hold any field: checking the rest
    // against the schema would report fields as missing that are only misplaced.
    const unreadable = problems.some((p) => p.code === 'csv-row-length' || p.code === 'csv-syntax' || p.code === 'invalid-utf8' || p.code === 'record-too-large');
    return { line: this.line, caseId: this.caseId, ...(unreadable ? {} : { value: this.table.snapshot }), problems, eventLines: this.table.eventRows };
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
        const missing = lineProblem(missingCaseId(line));
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
