import type { z } from 'zod';
import { CaseEvent } from '../../schemas/events.js';
import { UsageError } from '../errors.js';

/** The CSV layout of case snapshots, as `evaluate --help` explains it. */
export const CSV_LAYOUT_HELP =
  'CSV input: one row per event, with a header row; the rows of a case together (a case id that comes back after another case is rejected). ' +
  'Case columns: caseId (on every row), team, worker, dateOfBirth, needsAdultServices, careLeaver, careHistoryFrom (on the first row of the case, or the same on every row). ' +
  'Event columns: eventId, type, date, at, recordedOn and the event fields by their JSON names (mode, placementId, kind, childSeen …); a row with no event cells gives a case without events. ' +
  'Dates are YYYY-MM-DD (05/01/2024 is rejected, not guessed); true/false for flags; lists (sharedWith) separated by semicolons. ' +
  'Variations, school terms and worker records need JSON.';

/** How a CSV cell is turned into a JSON value before the schema checks it. */
export type CellKind = 'string' | 'boolean' | 'number' | 'list' | 'date' | 'date-time';

/** Columns about the child, given on the first row of the case or repeated on every row. */
export const CASE_COLUMNS = ['caseId', 'team', 'worker', 'dateOfBirth', 'needsAdultServices', 'careLeaver', 'careHistoryFrom'] as const;

/** Where a case column goes in the snapshot, and its kind. */
export const CASE_FIELDS: Readonly<Record<(typeof CASE_COLUMNS)[number], { path: readonly string[]; kind: CellKind }>> = {
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

function kindOf(schema: z.ZodType): CellKind {
  let def = schema._zod.def as { type: string; innerType?: z.ZodType; format?: string };
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

/** For each event type, the kind of each of its own fields (beyond id, type, date, at, recordedOn). */
export const EVENT_FIELDS: ReadonlyMap<string, ReadonlyMap<string, CellKind>> = new Map(
  CaseEvent.options.map((o) => {
    const shape = o.shape as Record<string, z.ZodType>;
    const fields = new Map<string, CellKind>();
    for (const [name, schema] of Object.entries(shape)) {
      if (name !== 'type' && name !== 'id' && name !== 'date' && name !== 'at' && name !== 'recordedOn') fields.set(name, kindOf(schema));
    }
    return [(o.shape.type as z.ZodLiteral<string>).value, fields];
  }),
);

/** Every event field that some event type has, with its kind. */
const ANY_EVENT_FIELD: ReadonlyMap<string, CellKind> = new Map([...EVENT_FIELDS.values()].flatMap((m) => [...m]));

/** What each column of a file holds. */
export interface CsvLayout {
  readonly columns: readonly string[];
  readonly caseIdIndex: number;
  /** -1 when the file has no type column (a caseload of children without events). */
  readonly typeIndex: number;
}

/** Every column name a snapshot CSV may have, in the documented order. */
export const ACCEPTED_COLUMNS: readonly string[] = [...CASE_COLUMNS, ...EVENT_BASE_COLUMNS, ...ANY_EVENT_FIELD.keys()];

/** The kind of an event column (base or event-specific). */
export function eventColumnKind(column: string): CellKind | undefined {
  if (column === 'eventId' || column === 'type') return 'string';
  if (column === 'date' || column === 'recordedOn') return 'date';
  if (column === 'at') return 'date-time';
  return ANY_EVENT_FIELD.get(column);
}

/**
 * Checks a header row: every column known, none twice, `caseId` present.
 * @throws UsageError naming the column and listing the accepted ones.
 */
export function readHeader(cells: readonly string[]): CsvLayout {
  const accepted = new Set(ACCEPTED_COLUMNS);
  const seen = new Set<string>();
  cells.forEach((c, i) => {
    if (!accepted.has(c)) {
      throw new UsageError(`The CSV header's column ${i + 1} is not a snapshot column. Accepted columns: ${ACCEPTED_COLUMNS.join(', ')}.`);
    }
    if (seen.has(c)) throw new UsageError(`The CSV header names the column ${c} twice.`);
    seen.add(c);
  });
  const caseIdIndex = cells.indexOf('caseId');
  if (caseIdIndex === -1) throw new UsageError('The CSV header has no caseId column: every row must name its case.');
  return { columns: cells, caseIdIndex, typeIndex: cells.indexOf('type') };
}
