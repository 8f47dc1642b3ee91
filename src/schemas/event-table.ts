/**
 * A caseload as a table of events: one row per event, a header row first, the rows of a case
 * together. The command line reads it from CSV and the spreadsheets from a range; both turn rows
 * into snapshots here, so the columns mean the same everywhere.
 */
import type { z } from 'zod';
import { TimescaleError } from '../errors.js';
import { CaseEvent } from './events.js';

/** The event table layout in a paragraph, as `evaluate --help` and the spreadsheet docs explain it. */
export const EVENT_TABLE_HELP =
  'One row per event, with a header row; the rows of a case together (a case id that comes back after another case is rejected). ' +
  'Case columns: caseId (on every row), team, worker, dateOfBirth, needsAdultServices, careLeaver, careHistoryFrom (on the first row of the case, or the same on every row). ' +
  'Event columns: eventId, type, date, at, recordedOn and the event fields by their JSON names (mode, placementId, kind, childSeen …); a row with no event cells gives a case without events. ' +
  'Dates are YYYY-MM-DD (05/01/2024 is rejected, not guessed); true/false for flags; lists (sharedWith) separated by semicolons. ' +
  'Variations, school terms and worker records need JSON.';

/** How a cell is turned into a JSON value before the schema checks it. */
export type CellKind = 'string' | 'boolean' | 'number' | 'list' | 'date' | 'date-time';

/** Columns about the child, given on the first row of the case or repeated on every row. */
export const CASE_COLUMNS = ['caseId', 'team', 'worker', 'dateOfBirth', 'needsAdultServices', 'careLeaver', 'careHistoryFrom'] as const;
/** A case column. */
export type CaseColumn = (typeof CASE_COLUMNS)[number];

/** Where a case column goes in the snapshot, and its kind. */
export const CASE_FIELDS: Readonly<Record<CaseColumn, { path: readonly string[]; kind: CellKind }>> = {
  caseId: { path: ['caseId'], kind: 'string' },
  team: { path: ['team'], kind: 'string' },
  worker: { path: ['worker'], kind: 'string' },
  dateOfBirth: { path: ['child', 'dateOfBirth'], kind: 'date' },
  needsAdultServices: { path: ['child', 'needsAdultServices'], kind: 'boolean' },
  careLeaver: { path: ['child', 'careLeaver'], kind: 'boolean' },
  careHistoryFrom: { path: ['child', 'careHistoryFrom'], kind: 'date' },
};

/** Columns every event has; the event's `id` is the `eventId` column. */
export const EVENT_BASE_COLUMNS = ['eventId', 'type', 'date', 'at', 'recordedOn'] as const;

function kindOf(schema: z.core.$ZodType): CellKind {
  let def = schema._zod.def as { type: string; innerType?: z.core.$ZodType; format?: string };
  while (def.type === 'optional' && def.innerType) def = def.innerType._zod.def as typeof def;
  switch (def.type) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'array':
      return 'list';
    default:
      return def.format === 'date' ? 'date' : def.format === 'datetime' ? 'date-time' : 'string';
  }
}

// The tables below are built in functions marked pure, so that a bundle which never reads an
// event table drops them and the schemas they are built from.

/** For each event type, the kind of each of its own fields (beyond id, type, date, at, recordedOn). */
export const EVENT_FIELDS: ReadonlyMap<string, ReadonlyMap<string, CellKind>> = /* @__PURE__ */ (() =>
  new Map(
    CaseEvent.def.options.map((o) => {
      const shape = o.shape as Record<string, z.core.$ZodType>;
      const fields = new Map<string, CellKind>();
      for (const [name, schema] of Object.entries(shape)) {
        if (name !== 'type' && name !== 'id' && name !== 'date' && name !== 'at' && name !== 'recordedOn') fields.set(name, kindOf(schema));
      }
      return [o.shape.type.def.values[0]!, fields];
    }),
  ))();

/** Every event field that some event type has, with its kind. */
const ANY_EVENT_FIELD: ReadonlyMap<string, CellKind> = /* @__PURE__ */ (() => new Map([...EVENT_FIELDS.values()].flatMap((m) => [...m])))();

/** What each column of a table holds. */
export interface EventTableLayout {
  readonly columns: readonly string[];
  readonly caseIdIndex: number;
  /** -1 when the table has no type column (a caseload of children without events). */
  readonly typeIndex: number;
}

/** Every column name an event table may have, in the documented order. */
export const ACCEPTED_COLUMNS: readonly string[] = /* @__PURE__ */ (() => [...CASE_COLUMNS, ...EVENT_BASE_COLUMNS, ...ANY_EVENT_FIELD.keys()])();

const CASE_COLUMN_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(CASE_COLUMNS);
const BASE_COLUMNS: ReadonlySet<string> = /* @__PURE__ */ new Set(EVENT_BASE_COLUMNS);

/** The kind of any column (case, base or event-specific), or undefined for an unknown one. */
export function columnKind(column: string): CellKind | undefined {
  if (CASE_COLUMN_SET.has(column)) return CASE_FIELDS[column as CaseColumn].kind;
  if (column === 'eventId' || column === 'type') return 'string';
  if (column === 'date' || column === 'recordedOn') return 'date';
  if (column === 'at') return 'date-time';
  return ANY_EVENT_FIELD.get(column);
}

/** The kind of an event column (base or event-specific). */
export function eventColumnKind(column: string): CellKind | undefined {
  return CASE_COLUMN_SET.has(column) ? undefined : columnKind(column);
}

/**
 * Checks a header row: every column known, none twice, `caseId` present. Messages give the
 * column's position, never its text.
 * @throws TimescaleError `invalid-option` with the path `['header', index]`.
 */
export function readHeader(cells: readonly string[]): EventTableLayout {
  const seen = new Set<string>();
  cells.forEach((c, i) => {
    if (columnKind(c) === undefined) {
      throw new TimescaleError('invalid-option', `The header's column ${i + 1} is not a snapshot column. Accepted columns: ${ACCEPTED_COLUMNS.join(', ')}.`, ['header', i]);
    }
    if (seen.has(c)) throw new TimescaleError('invalid-option', `The header names the column ${c} twice.`, ['header', i]);
    seen.add(c);
  });
  const caseIdIndex = cells.indexOf('caseId');
  if (caseIdIndex === -1) throw new TimescaleError('invalid-option', 'The header has no caseId column: every row must name its case.', ['header']);
  return { columns: cells, caseIdIndex, typeIndex: cells.indexOf('type') };
}

/** One problem with a case's rows: a stable code, the snapshot path and the row it is on. Never the value. */
export interface TableProblem {
  readonly code: string;
  readonly path: string;
  readonly message: string;
  /** The row the problem is on, counting the header as row 1 (a CSV file's line). */
  readonly row: number;
}

const AMBIGUOUS_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function ambiguousDate(path: string, row: number): TableProblem {
  return {
    code: 'ambiguous-date',
    path,
    row,
    message: 'Dates must be written YYYY-MM-DD (for example 2024-01-05). A date written with slashes or dots, such as 05/01/2024, could be read day first or month first, so it is not guessed.',
  };
}

/** Turns a cell's text into the JSON value the schema expects; a cell that cannot be converted is left as text for the schema to reject. */
export function cellValue(text: string, kind: CellKind, path: string, row: number, problems: TableProblem[]): unknown {
  switch (kind) {
    case 'boolean':
      return /^true$/i.test(text) ? true : /^false$/i.test(text) ? false : text;
    case 'number':
      return NUMBER.test(text) ? Number(text) : text;
    case 'list':
      return text.split(';').map((s) => s.trim()).filter((s) => s !== '');
    case 'date':
    case 'date-time':
      if (AMBIGUOUS_DATE.test(text)) problems.push(ambiguousDate(path, row));
      return text;
    case 'string':
      return text;
  }
}

/**
 * The rows of one case being gathered into a snapshot (not yet validated: the engine's schema
 * checks it, and its problems point at rows through {@link TableCase.eventRows}).
 */
export class TableCase {
  /** The snapshot as read, for validation. */
  readonly snapshot: Record<string, unknown>;
  private readonly child: Record<string, unknown> = {};
  private readonly events: Record<string, unknown>[] = [];
  /** The row of each event, to point schema problems at rows. */
  readonly eventRows: number[] = [];
  readonly problems: TableProblem[] = [];

  constructor(
    readonly caseId: string,
    /** The case's first row. */
    readonly row: number,
  ) {
    this.snapshot = { caseId, child: this.child, events: this.events };
  }

  /** Case columns may be given once or repeated; repeated values must agree. */
  private setCaseField(column: CaseColumn, text: string, row: number): void {
    const { path, kind } = CASE_FIELDS[column];
    const target = path.length === 2 ? this.child : this.snapshot;
    const key = path[path.length - 1]!;
    const value = cellValue(text, kind, path.join('.'), row, this.problems);
    if (!Object.prototype.hasOwnProperty.call(target, key)) target[key] = value;
    else if (target[key] !== value) {
      this.problems.push({ code: 'inconsistent-case-field', path: path.join('.'), row, message: 'Rows of this case disagree on this field: give it on the first row only, or the same on every row.' });
    }
  }

  /** Adds one row of cells (already text, trimmed; `''` for an empty cell). */
  addRow(layout: EventTableLayout, cells: readonly string[], row: number): void {
    if (cells.length !== layout.columns.length) {
      this.problems.push({ code: 'csv-row-length', path: '', row, message: `This row has ${cells.length} cells but the header has ${layout.columns.length}: check for a stray or missing comma.` });
      return;
    }
    const index = this.events.length;
    const event: Record<string, unknown> = {};
    const eventProblems: TableProblem[] = [];
    const type = layout.typeIndex === -1 ? undefined : cells[layout.typeIndex];
    const fields = type === undefined ? undefined : EVENT_FIELDS.get(type);
    let hasEvent = false;
    layout.columns.forEach((column, i) => {
      const text = cells[i]!;
      if (text === '' || column === 'caseId') return;
      if (CASE_COLUMN_SET.has(column)) {
        this.setCaseField(column as CaseColumn, text, row);
        return;
      }
      hasEvent = true;
      const key = column === 'eventId' ? 'id' : column;
      const path = `events[${index}].${key}`;
      if (fields && !BASE_COLUMNS.has(column) && !fields.has(column)) {
        eventProblems.push({ code: 'column-not-for-event-type', path, row, message: `The ${column} column does not apply to ${type!} events: leave it empty on this row.` });
        return;
      }
      event[key] = cellValue(text, eventColumnKind(column)!, path, row, eventProblems);
    });
    if (!hasEvent) return;
    this.events.push(event);
    this.eventRows.push(row);
    this.problems.push(...eventProblems);
  }
}

/** The problem of a row with no case id: it cannot start a case, and spoils the one it follows. */
export function missingCaseId(row: number): TableProblem {
  return {
    code: 'missing-field',
    path: 'caseId',
    row,
    message: 'This row has no caseId. It is taken to belong to the case on the rows before it, which is therefore not evaluated: give the case id on every row.',
  };
}

/** What {@link readEventTable} found: the cases in table order, and rows that belong to none. */
export interface EventTable {
  readonly cases: readonly TableCase[];
  /** Rows that name no case, before any case began (rows without a case id inside a case are that case's problems). */
  readonly strayRows: readonly TableProblem[];
}

/**
 * Reads a whole table of text cells, header row first, into one {@link TableCase} per case.
 * Blank rows are skipped. A case id that comes back after another case starts a second case
 * with that id and the problem `case-rows-apart` (its snapshot would lack the first rows' events).
 * @throws TimescaleError for a bad header, see {@link readHeader}.
 */
export function readEventTable(rows: readonly (readonly string[])[]): EventTable {
  const cases: TableCase[] = [];
  const strayRows: TableProblem[] = [];
  let layout: EventTableLayout | undefined;
  let current: TableCase | undefined;
  const seen = new Set<string>();
  rows.forEach((cells, i) => {
    const row = i + 1;
    if (cells.every((c) => c === '')) return;
    if (!layout) {
      layout = readHeader(cells);
      return;
    }
    const caseId = cells[layout.caseIdIndex] ?? '';
    if (caseId === '') {
      const problem = missingCaseId(row);
      if (current) current.problems.push(problem);
      else strayRows.push(problem);
      return;
    }
    if (current?.caseId !== caseId) {
      current = new TableCase(caseId, row);
      if (seen.has(caseId)) {
        current.problems.push({ code: 'case-rows-apart', path: 'caseId', row, message: 'Rows of this case come after rows of another case: keep the rows of a case together.' });
      }
      seen.add(caseId);
      cases.push(current);
    }
    current.addRow(layout, cells, row);
  });
  if (!layout) throw new TimescaleError('invalid-option', 'The table is empty: give a header row of snapshot columns, then one row per event.', ['header']);
  return { cases, strayRows };
}
