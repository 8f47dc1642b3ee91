import { SnapshotError } from '../engine/snapshot-error.js';
import { validateSnapshot, type Snapshot } from '../engine/validate.js';
import { TimescaleError } from '../errors.js';
import type { InputRecord, Problem, RecordSource } from './input/record.js';
import type { Progress } from './progress.js';
import { SeenIds } from './seen-ids.js';

/** A record that could not be used, with every problem found in it. */
export interface Rejection {
  readonly line: number;
  readonly caseId: string | undefined;
  readonly problems: readonly Problem[];
}

/** How many records were read, used and rejected. */
export interface Counts {
  read: number;
  evaluated: number;
  rejected: number;
}

/** What a command does with each record. */
export interface RecordHandler {
  /** Called for each valid snapshot; may throw a TimescaleError, which rejects the record. */
  accept(snapshot: Snapshot, record: InputRecord): void;
  reject(rejection: Rejection): void;
  /** Called after each batch, to write out and wait for the reader of the output. */
  flush(): Promise<void>;
}

const EVENT_INDEX = /^events\[(\d+)\]/;

/** Points schema problems at CSV rows: an event's problem at its row, others at the case's first row. */
function withLine(p: Problem, record: InputRecord): Problem {
  if (p.line !== undefined || !record.eventLines) return p;
  const m = EVENT_INDEX.exec(p.path);
  const line = m ? record.eventLines[Number(m[1])] : record.line;
  return line === undefined ? p : { ...p, line };
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** A problem for an error the engine threw on a valid snapshot. Library errors carry no values. */
export function problemFromError(e: unknown): Problem {
  if (e instanceof TimescaleError) return { code: e.code, path: formatPath(e.path), message: e.message };
  const name = e instanceof Error ? e.name : typeof e;
  return { code: 'internal-error', path: '', message: `The engine failed on this record (${name}). Please report it, naming the rule set and the case id.` };
}

/**
 * Validates a record: the reader's problems and the schema's, the schema's dropped where the
 * reader already explained the same field (an ambiguous CSV date is not also "not a date").
 */
export function check(record: InputRecord): { snapshot: Snapshot } | { rejection: Rejection } {
  const found = [...record.problems];
  let caseId = record.caseId;
  let snapshot: Snapshot | undefined;
  if (record.value !== undefined) {
    try {
      snapshot = validateSnapshot(record.value);
    } catch (e) {
      if (!(e instanceof SnapshotError)) throw e;
      caseId ??= e.caseId;
      const explained = new Set(found.map((p) => p.path));
      for (const p of e.problems) if (!explained.has(p.path)) found.push(p);
    }
  }
  if (snapshot && found.length === 0) return { snapshot };
  return { rejection: { line: record.line, caseId, problems: found.map((p) => withLine(p, record)) } };
}

/** The key a record's id is remembered by; worker and case ids are kept apart. */
function idKey(value: unknown, id: string): string {
  const isWorker = typeof value === 'object' && value !== null && 'workerId' in value && !('caseId' in value);
  return isWorker ? `worker:${id}` : `case:${id}`;
}

/**
 * Runs every record of a source through validation to a handler, batch by batch, so memory
 * holds one batch at a time. A case id seen before is rejected: in JSON a case given twice, in
 * CSV a case whose rows are not together, either of which would count the case twice or judge
 * it on part of its events.
 */
export async function processRecords(source: RecordSource, handler: RecordHandler, progress?: { bar: Progress; bytes: () => number }): Promise<Counts> {
  const counts: Counts = { read: 0, evaluated: 0, rejected: 0 };
  const seen = new SeenIds();
  const reject = (r: Rejection) => {
    counts.rejected++;
    handler.reject(r);
  };
  for await (const batch of source) {
    for (const record of batch) {
      counts.read++;
      const result = check(record);
      if ('rejection' in result) {
        if (result.rejection.caseId !== undefined) seen.add(idKey(record.value, result.rejection.caseId));
        reject(result.rejection);
        continue;
      }
      const { snapshot } = result;
      const isWorker = 'workerId' in snapshot;
      if (!seen.add(isWorker ? `worker:${snapshot.workerId}` : `case:${snapshot.caseId}`)) {
        reject({
          line: record.line,
          caseId: record.caseId,
          problems: [{ code: 'duplicate-case-id', path: isWorker ? 'workerId' : 'caseId', ...(record.eventLines ? { line: record.line } : {}), message: 'An earlier record has the same id. Give each case once with all its events (in CSV, keep the rows of a case together), or its figures are counted twice or judged on part of its events.' }],
        });
        continue;
      }
      try {
        handler.accept(snapshot, record);
        counts.evaluated++;
      } catch (e) {
        reject({ line: record.line, caseId: record.caseId, problems: [problemFromError(e)] });
      }
    }
    progress?.bar.update(counts.read, progress.bytes());
    await handler.flush();
  }
  progress?.bar.clear();
  return counts;
}
