import type { DayNumber } from '../calendar/day-number.js';
import { formatIsoDate } from '../calendar/day-number.js';
import { STATUSES, SnapshotError, columnKind, evaluate, readEventTable, type ObligationStatus, type RuleSet, type TableCase, type TableProblem } from '../index.js';
import { CellError, CellFailure, failureOf, isBlank, readDate, type DateReading } from './cells.js';
import type { Grid } from './grid.js';

/** The header row EVALUATE spills above its answers. */
export const EVALUATE_HEADER = ['Case', 'Rule', 'Title', 'Status', 'Due', 'Working days late', 'Explanation'] as const;

/** Problems listed per case before the rest are counted, so one broken case never floods a cell. */
const PROBLEMS_LISTED = 5;

/** What {@link evaluateTable} needs besides the table. */
export interface TableOptions {
  readonly ruleSet: RuleSet;
  readonly extra: Readonly<Record<string, RuleSet>> | undefined;
  readonly asOf: DayNumber;
  readonly reading: DateReading;
  readonly dateOut: (iso: string) => unknown;
  /** The statuses to spill (default: every obligation). */
  readonly only?: ReadonlySet<ObligationStatus>;
}

/** The words `only` takes, as the command line's `--only` does. */
const SELECTIONS: ReadonlyMap<string, readonly ObligationStatus[]> = new Map([['breaches', ['overdue', 'met-late']], ['all', STATUSES], ...STATUSES.map((s) => [s, [s]] as [string, ObligationStatus[]])]);

/**
 * The statuses a cell asks for: `breaches`, `all`, or a comma-separated list of statuses.
 * @throws CellError listing what is accepted, never repeating the cell.
 */
export function readStatuses(text: string): ReadonlySet<ObligationStatus> {
  const out = new Set<ObligationStatus>();
  for (const word of text.toLowerCase().split(',').map((w) => w.trim())) {
    const statuses = SELECTIONS.get(word);
    if (!statuses) throw new CellError(`The statuses to show are breaches, all, or a comma-separated list of: ${STATUSES.join(', ')}.`);
    statuses.forEach((s) => out.add(s));
  }
  return out;
}

function columnName(i: number): string {
  return `column ${i + 1}`;
}

/** A cell as the text the event table reader takes. */
function cellText(value: unknown, kind: string, reading: DateReading): string {
  if (isBlank(value) && !(kind === 'number' && value === 0)) return '';
  switch (kind) {
    case 'date': {
      const day = readDate(value, reading);
      return day === undefined ? '' : formatIsoDate(day);
    }
    case 'boolean':
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      break;
    case 'number':
      if (typeof value === 'number') return String(value);
      break;
    case 'date-time':
      if (typeof value !== 'string') throw new CellError('A date and time must be text written like 2024-03-04T10:00:00+00:00, so that its offset from UTC is clear.');
      break;
    default:
      if (typeof value === 'number') return String(value);
  }
  if (typeof value !== 'string') throw new CellError(`This cell must be ${kind === 'boolean' ? 'TRUE or FALSE' : kind === 'number' ? 'a number' : 'text'}.`);
  return value.trim();
}

function headerText(value: unknown, i: number): string {
  if (isBlank(value)) return '';
  if (typeof value !== 'string') throw new CellError(`The header's ${columnName(i)} must be the name of a snapshot column, as text.`);
  return value.trim();
}

function problemsText(problems: readonly { row?: number; path: string; message: string }[]): string {
  const listed = problems.slice(0, PROBLEMS_LISTED).map((p) => `${p.row === undefined ? '' : `row ${p.row} of the range, `}${p.path || 'the case'}: ${p.message}`);
  const more = problems.length - listed.length;
  return `This case could not be evaluated: ${listed.join('; ')}${more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : ''}.`;
}

function errorRow(caseId: string, message: string): unknown[] {
  return [caseId, '', '', new CellFailure('value', message), '', '', message];
}

/** Schema problems with the row of the event each is on. */
function locate(c: TableCase, e: SnapshotError): { row?: number; path: string; message: string }[] {
  return e.problems.map((p) => {
    const index = /^events\[(\d+)\]/.exec(p.path)?.[1];
    const row = index === undefined ? c.row : c.eventRows[Number(index)];
    return row === undefined ? p : { ...p, row };
  });
}

/**
 * The engine over a table of events (the command line's CSV columns, header row first): one
 * row per obligation of every case (or those with the statuses asked for), in table order, under
 * a header row. A case that cannot be read gives one row with its id and the problems (rows and field paths, never values); a row
 * that names no case gives a row of its own. Nothing is dropped.
 */
export function evaluateTable(grid: Grid, options: TableOptions): unknown[][] {
  const first = grid.findIndex((cells) => cells.some((c) => !isBlank(c)));
  if (first === -1) throw new CellError('The events range is empty: give a header row of snapshot columns (caseId, type, date …), then one row per event.');
  let header = grid[first]!.map(headerText);
  while (header.length > 0 && header.at(-1) === '') header = header.slice(0, -1);
  const kinds = header.map((c) => columnKind(c) ?? 'string');
  const unreadable = new Map<number, TableProblem>();
  const rows: string[][] = grid.slice(first).map((cells, r) => {
    if (r === 0) return header;
    const row = first + r + 1;
    return header.map((column, i) => {
      try {
        return cellText(cells[i], kinds[i]!, options.reading);
      } catch (e) {
        if (!unreadable.has(row)) unreadable.set(row, { code: 'unreadable-cell', path: column, row, message: failureOf(e).message });
        return '';
      }
    });
  });
  // Rows are counted from the sheet's first row of the range, as the person sees them.
  const table = readEventTable(rows);
  const shift = first;
  const out: unknown[][] = [[...EVALUATE_HEADER]];
  for (const p of table.strayRows) out.push(errorRow('', problemsText([{ ...p, row: p.row + shift }])));
  table.cases.forEach((c, i) => {
    const last = (table.cases[i + 1]?.row ?? rows.length + 1) - 1;
    const problems: { row?: number; path: string; message: string }[] = c.problems.map((p) => ({ ...p, row: p.row + shift }));
    for (const [row, p] of unreadable) if (row - shift >= c.row && row - shift <= last) problems.push(p);
    if (problems.length > 0) {
      out.push(errorRow(c.caseId, problemsText(problems)));
      return;
    }
    try {
      const report = evaluate(c.snapshot, { ruleSet: options.ruleSet, asOf: formatIsoDate(options.asOf), ...(options.extra ? { ruleSets: options.extra } : {}) });
      for (const o of report.obligations) {
        if (options.only && !options.only.has(o.status)) continue;
        out.push([o.caseId, o.ruleId, o.title, o.status, o.due === null ? '' : options.dateOut(o.due), o.lateness?.workingDays ?? '', o.explanation]);
      }
    } catch (e) {
      if (e instanceof SnapshotError) {
        const located = locate(c, e).map((p) => ('row' in p && p.row !== undefined ? { ...p, row: p.row + shift } : p));
        out.push(errorRow(c.caseId, problemsText(located)));
      } else out.push(errorRow(c.caseId, failureOf(e).message));
    }
  });
  return out;
}
