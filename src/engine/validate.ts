import type { z } from 'zod';
import type { DayNumber } from '../calendar/day-number.js';
import { CaseSnapshot } from '../schemas/case-snapshot.js';
import { issueMessage } from '../schemas/issue-message.js';
import { DATE_TIME_RANGE } from '../schemas/primitives.js';
import { WorkerSnapshot } from '../schemas/worker-snapshot.js';
import { compileReader, type Reader } from './accept.js';
import { typeNumber } from './event-types.js';
import { hasRepeat } from './repeats.js';
import { SnapshotError, formatPath, type SnapshotProblem } from './snapshot-error.js';
import { compileUnknownKeys, fieldPlaces, type UnknownKey } from './unknown-fields.js';

/** A validated snapshot: a child's case or a worker's supervision record. */
export type Snapshot = CaseSnapshot | WorkerSnapshot;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function toProblem(issue: z.core.$ZodIssue, input: unknown): SnapshotProblem {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) {
        return { code: 'missing-field', path, message: `Required field is missing (expected ${issue.expected}).` };
      }
      return { code: 'invalid-type', path, message: `Expected ${issue.expected}.` };
    case 'unrecognized_keys':
      // The keys are not named: a key can be data too (a name typed where a unit should be).
      return { code: 'unrecognised-field', path, message: `This object has ${issue.keys.length === 1 ? 'an unrecognised key' : `${issue.keys.length} unrecognised keys`}; see the JSON Schema for the fields it accepts.` };
    case 'invalid_format':
      if (issue.format === 'date') {
        return { code: 'invalid-date', path, message: 'Expected a calendar date that exists, written as YYYY-MM-DD (for example 2024-01-05).' };
      }
      if (issue.format === 'datetime' || (issue.format === 'regex' && issue.pattern === String(DATE_TIME_RANGE))) {
        return {
          code: 'invalid-date-time',
          path,
          message:
            'Expected a date-time with seconds and an offset within ±14:00, written as YYYY-MM-DDTHH:MM:SS±HH:MM or …Z with at most 9 digits of fraction (for example 2024-03-04T09:30:00+00:00).',
        };
      }
      return { code: 'invalid-value', path, message: `Expected the ${issue.format} format.` };
    case 'invalid_union':
      if (valueAt(input, issue.path) === undefined) {
        return { code: 'missing-field', path, message: 'Required field is missing.' };
      }
      if (issue.discriminator === 'type' || issue.discriminator === 'kind') {
        return { code: 'unknown-event-type', path, message: `Unknown ${issue.discriminator}; see the case snapshot JSON Schema for the accepted values.` };
      }
      return { code: 'invalid-value', path, message: 'Does not match any accepted form.' };
    case 'invalid_value':
      if (valueAt(input, issue.path) === undefined) {
        return { code: 'missing-field', path, message: `Required field is missing (expected one of: ${issue.values.map(String).join(', ')}).` };
      }
      return { code: 'invalid-value', path, message: `Expected one of: ${issue.values.map(String).join(', ')}.` };
    case 'custom':
      // The schema's own words (a duration's single unit), never the value.
      return { code: 'invalid-value', path, message: issue.message };
    case 'too_big':
    case 'too_small':
      return { code: 'invalid-value', path, message: issueMessage(issue) };
    default:
      return { code: 'invalid-value', path, message: 'Not an accepted value; see the JSON Schema for this field.' };
  }
}

/** One problem per field and code: a date-time that fails two checks is one problem. */
function distinct(problems: readonly SnapshotProblem[]): SnapshotProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code} ${p.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The fields of each event the checks across events read: ids, dates, date-times (when given). */
interface EventColumns {
  readonly ids: readonly unknown[];
  readonly dates: readonly unknown[];
  readonly ats: readonly unknown[];
  /** How many events: the columns may be longer. */
  readonly length: number;
}

function columnsOf(events: readonly Snapshot['events'][number][]): EventColumns {
  return { ids: events.map((e) => e.id), dates: events.map((e) => e.date), ats: events.map((e) => ('at' in e ? e.at : undefined)), length: events.length };
}

function crossChecks(snapshot: Snapshot, { ids, dates, ats, length }: EventColumns): SnapshotProblem[] {
  const problems: SnapshotProblem[] = [];
  const repeated = hasRepeat(ids as readonly string[], length) ? new Set<unknown>() : undefined;
  for (let i = 0; i < length; i++) {
    if (repeated !== undefined) {
      if (repeated.has(ids[i])) {
        problems.push({ code: 'duplicate-event-id', path: `events[${i}].id`, message: 'Event ids must be unique within a snapshot.' });
      }
      repeated.add(ids[i]);
    }
    const at = ats[i];
    // A date is ten characters: the date-time starts with it exactly when its first ten are it (no copy made of them).
    if (at !== undefined && !(at as string).startsWith(dates[i] as string)) {
      problems.push({ code: 'date-time-mismatch', path: `events[${i}].at`, message: 'The date-time must fall on the event date (its local date part must equal `date`).' });
    }
  }
  // Loops rather than forEach: every valid snapshot passes here, and a closure each is garbage.
  if ('variations' in snapshot && snapshot.variations) {
    const variations = snapshot.variations;
    for (let i = 0; i < variations.length; i++) {
      const v = variations[i]!;
      // Recurring duties are counted in days and longer; an interval of hours has no day to fall on.
      if (v.kind === 'interval' && v.interval.hours !== undefined) {
        problems.push({ code: 'unsupported-interval', path: `variations[${i}].interval`, message: 'An agreed visiting interval is counted in days, working days, weeks, months or school days, not hours.' });
      }
    }
  }
  if ('schoolTerms' in snapshot && snapshot.schoolTerms) {
    const terms = snapshot.schoolTerms.terms;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      if (t.end < t.start) problems.push({ code: 'end-before-start', path: `schoolTerms.terms[${i}].end`, message: 'A term must end on or after its start.' });
    }
  }
  if ('periods' in snapshot && snapshot.periods) {
    const periods = snapshot.periods;
    for (let i = 0; i < periods.length; i++) {
      const p = periods[i]!;
      if (p.end < p.start) problems.push({ code: 'end-before-start', path: `periods[${i}].end`, message: 'A period must end on or after its start.' });
    }
  }
  return problems;
}

// The checks across events, the preparation that follows and partial data (visits of unrecorded
// mode) read what the compiled check records of each event as it passes.
const EVENT_FIELDS = ['id', 'type', 'date', 'at', 'mode'];
const [ID_COLUMN, TYPE_COLUMN, DATE_COLUMN, AT_COLUMN, MODE_COLUMN] = [0, 1, 2, 3, 4];
/** Each event's type is numbered as its option is found (see `typeNumber`). */
const numbered = (type: unknown): number => typeNumber(type as string);
const readCase = compileReader(CaseSnapshot, 'events', EVENT_FIELDS, numbered);
const readWorker = compileReader(WorkerSnapshot, 'events', EVENT_FIELDS, numbered);

/**
 * What the compiled check read of each event of the snapshot it accepted, in the order of its
 * events: `ids[i]`, `types[i]` (and its number, `typeNumbers[i]`), `days[i]` (the day number of
 * the event's date), `ats[i]` (its date-time text, undefined when absent) and `modes[i]` (a
 * visit's mode, undefined for other events) are of event `i`, for `i` below `length`.
 */
export interface CheckedEvents {
  readonly ids: readonly string[];
  readonly types: readonly string[];
  readonly typeNumbers: readonly number[];
  readonly days: readonly DayNumber[];
  readonly ats: readonly (string | undefined)[];
  readonly modes: readonly unknown[];
  /** How many events: the columns may be longer, left from longer lists. */
  readonly length: number;
}

/** A reader's columns under their names. The columns are reused, so one view serves every check. */
class ReaderColumns implements CheckedEvents {
  readonly ids: readonly string[];
  readonly types: readonly string[];
  readonly typeNumbers: readonly number[];
  readonly days: readonly DayNumber[];
  readonly ats: readonly (string | undefined)[];
  readonly modes: readonly unknown[];

  constructor(readonly reader: Reader) {
    this.ids = reader.columns[ID_COLUMN] as readonly string[];
    this.types = reader.columns[TYPE_COLUMN] as readonly string[];
    this.typeNumbers = reader.tags;
    this.days = reader.days[DATE_COLUMN]!;
    this.ats = reader.columns[AT_COLUMN] as readonly (string | undefined)[];
    this.modes = reader.columns[MODE_COLUMN]!;
  }

  get length(): number {
    return this.reader.length;
  }
}

const caseColumns = readCase && new ReaderColumns(readCase);
const workerColumns = readWorker && new ReaderColumns(readWorker);

/** The snapshot the compiled check last accepted as it stands, until it is prepared, and what it read of its events. */
let unprepared: Snapshot | undefined;
let unpreparedColumns: ReaderColumns | undefined;

/**
 * What the check read of the events of `snapshot`, when it is the snapshot the check last
 * accepted, with the same list of events, and this is its first preparation since; otherwise
 * undefined, and the events are to be read from the snapshot itself. Preparing a snapshot just
 * checked thus reads none of its events' fields twice.
 *
 * The columns are given once: a snapshot prepared again later (a report writing its text when
 * read, after the caller may have changed the snapshot) is read afresh, as is any other snapshot
 * (another one checked since, partial data's rewritten copy, zod's copy of a snapshot with unknown
 * fields). An event changed in place between the check and the first preparation is prepared as
 * it was checked: the engine prepares what it has just checked, with nothing in between.
 */
export function takeCheckedEvents(snapshot: Snapshot): CheckedEvents | undefined {
  const columns = checkedEventsOf(snapshot);
  if (snapshot === unprepared) {
    unprepared = undefined;
    unpreparedColumns = undefined;
  }
  return columns;
}

/**
 * What the check read of the events of `snapshot`, as {@link takeCheckedEvents} gives it, but
 * without taking it: for a look at the events before they are prepared.
 */
export function checkedEventsOf(snapshot: Snapshot): CheckedEvents | undefined {
  if (snapshot !== unprepared) return undefined;
  const columns = unpreparedColumns!;
  const events = snapshot.events;
  return columns.reader.array === events && columns.length === events.length ? columns : undefined;
}

const unknownInCase = compileUnknownKeys(CaseSnapshot);
const unknownInWorker = compileUnknownKeys(WorkerSnapshot);
const PLACES = fieldPlaces([CaseSnapshot, WorkerSnapshot]);

/**
 * The unrecognised fields of a snapshot, one problem per object. A key the schemas know elsewhere
 * is named with where it belongs (field names are not data); any other key is not named, as a key
 * can be data too, and the path is the object's.
 */
function unrecognised(keys: readonly UnknownKey[]): SnapshotProblem[] {
  const out: SnapshotProblem[] = [];
  const others = new Map<string, number>();
  for (const { at, key } of keys) {
    const places = PLACES.get(key);
    if (places) {
      const where = places.length > 3 ? `${places.slice(0, 3).join(', ')} …` : places.join(', ');
      out.push({ code: 'unrecognised-field', path: formatPath([...at, key]), message: `Not a field of this object: a field of this name belongs at ${where}.` });
    } else {
      const path = formatPath(at);
      others.set(path, (others.get(path) ?? 0) + 1);
    }
  }
  for (const [path, n] of others) {
    out.push({ code: 'unrecognised-field', path, message: `This object has ${n === 1 ? 'an unrecognised field' : `${n} unrecognised fields`} (not named here: a field name may be data); see the JSON Schema for the fields it accepts.` });
  }
  return out;
}

/** The id an error names the snapshot by: its case or worker id, when that is a usable id. */
function caseIdOf(record: Record<string, unknown>, isWorker: boolean): string | undefined {
  const id = isWorker ? record.workerId : record.caseId;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
}

/** Options of {@link checkSnapshot}. */
export interface CheckOptions {
  /** Unrecognised fields are problems that reject the snapshot, instead of warnings. */
  readonly strict?: boolean;
}

/** A valid snapshot, with warnings about what in it was ignored. */
export interface CheckedSnapshot {
  readonly snapshot: Snapshot;
  /** One `unrecognised-field` problem per object with fields the schema does not know (ignored). */
  readonly warnings: readonly SnapshotProblem[];
}

/**
 * Validates a case or worker snapshot, and lists the fields it ignored. A worker snapshot is
 * recognised by its `workerId`.
 * @throws SnapshotError listing every problem, with codes and paths, never values (with
 *   `strict`, unrecognised fields among them).
 */
export function checkSnapshot(input: unknown, options: CheckOptions = {}): CheckedSnapshot {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new SnapshotError(undefined, [{ code: 'not-a-snapshot', path: '', message: 'A snapshot is a JSON object with a caseId (or workerId) and events.' }]);
  }
  const record = input as Record<string, unknown>;
  const isWorker = 'workerId' in record && !('caseId' in record);
  // A snapshot valid as it stands needs no copy from zod and has no unknown key; zod reports the
  // problems in the rest.
  const reader: Reader | undefined = isWorker ? readWorker : readCase;
  unprepared = undefined;
  unpreparedColumns = undefined;
  if (reader !== undefined && reader.accept(input)) {
    // Valid as it stands (the usual case): no copy, no unknown key, only the checks across fields.
    const problems = crossChecks(input as Snapshot, { ids: reader.columns[ID_COLUMN]!, dates: reader.columns[DATE_COLUMN]!, ats: reader.columns[AT_COLUMN]!, length: reader.length });
    if (problems.length > 0) throw new SnapshotError(caseIdOf(record, isWorker), problems);
    unprepared = input as Snapshot;
    unpreparedColumns = isWorker ? workerColumns : caseColumns;
    return { snapshot: input as Snapshot, warnings: [] };
  }
  const result = isWorker ? WorkerSnapshot.safeParse(input) : CaseSnapshot.safeParse(input);
  const unknown = unrecognised((isWorker ? unknownInWorker : unknownInCase)(input));
  const caseId = caseIdOf(record, isWorker);
  if (!result.success) throw new SnapshotError(caseId, distinct([...result.error.issues.map((i) => toProblem(i, input)), ...(options.strict ? unknown : [])]));
  const problems = [...crossChecks(result.data, columnsOf(result.data.events)), ...(options.strict ? unknown : [])];
  if (problems.length > 0) throw new SnapshotError(caseId, problems);
  return { snapshot: result.data, warnings: options.strict ? [] : unknown };
}

/**
 * Validates a case or worker snapshot. A worker snapshot is recognised by its `workerId`. Fields
 * the schema does not know are ignored ({@link checkSnapshot} lists them), or with `strict` refused.
 * @throws SnapshotError listing every problem, with codes and paths, never values.
 */
export function validateSnapshot(input: unknown, options: CheckOptions = {}): Snapshot {
  return checkSnapshot(input, options).snapshot;
}
