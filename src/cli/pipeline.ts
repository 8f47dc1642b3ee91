import type { Report } from '../engine/obligation.js';
import { capProblems, SnapshotError } from '../engine/snapshot-error.js';
import { checkSnapshot, type Snapshot } from '../engine/validate.js';
import { TimescaleError } from '../errors.js';
import { readLine } from './input/jsonl.js';
import { readLineBytes } from './input/line-bytes.js';
import type { InputRecord, PendingBatch, PendingRecord, PendingSource, Problem } from './input/record.js';
import type { Progress } from './progress.js';
import { SeenIds } from './seen-ids.js';

/** A record that could not be used, with every problem found in it. */
export interface Rejection {
  readonly line: number;
  readonly caseId: string | undefined;
  readonly problems: readonly Problem[];
}

/**
 * How many records were read, used and rejected; `read = evaluated + rejected` always. A record
 * is what the input delimits: a JSON line, an element of a JSON array, a CSV case (its rows
 * together), or a CSV row that could not be read. `warned` counts the evaluated records with
 * warnings (fields the schema does not know, ignored).
 */
export interface Counts {
  read: number;
  evaluated: number;
  rejected: number;
  warned: number;
}

/** Options of {@link processRecords}. */
export interface ProcessOptions {
  /** Reject records with fields the schema does not know, instead of warning about them. */
  readonly strict?: boolean;
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
 * Fails a report that has no obligation at all: no rule of the set applies to this kind of record
 * (a worker's supervision record under a set with no supervision rules). Every record read gets a
 * row, so this one gets an error row instead of nothing.
 * @throws TimescaleError `no-rules-apply`.
 */
export function requireObligations(report: Report): Report {
  if (report.obligations.length > 0) return report;
  const what = report.subject === 'worker' ? 'worker records (supervision)' : "children's case records";
  throw new TimescaleError('no-rules-apply', `No rule in the rule set ${report.ruleSet} applies to ${what}, so this record has nothing to evaluate: choose a rule set with rules for it.`);
}

/**
 * Validates a record: the reader's problems and the schema's, the schema's dropped where the
 * reader already explained the same field (an ambiguous CSV date is not also "not a date").
 * Problems are capped per record (the last one says how many more there were).
 */
export function check(record: InputRecord, options: ProcessOptions = {}): { snapshot: Snapshot; warnings: readonly Problem[] } | { rejection: Rejection } {
  const found = [...record.problems];
  let caseId = record.caseId;
  let snapshot: Snapshot | undefined;
  let warnings: readonly Problem[] = [];
  if (record.value !== undefined) {
    try {
      ({ snapshot, warnings } = checkSnapshot(record.value, { strict: options.strict === true }));
    } catch (e) {
      if (!(e instanceof SnapshotError)) throw e;
      caseId ??= e.caseId;
      const explained = new Set(found.map((p) => p.path));
      for (const p of e.problems) if (!explained.has(p.path)) found.push(p);
    }
  }
  if (snapshot && found.length === 0) return { snapshot, warnings: warnings.map((p) => withLine(p, record)) };
  return { rejection: { line: record.line, caseId, problems: capProblems(found).map((p) => withLine(p, record)) } };
}

/** The key a record's id is remembered by; worker and case ids are kept apart. */
function idKey(value: unknown, id: string): string {
  const isWorker = typeof value === 'object' && value !== null && 'workerId' in value && !('caseId' in value);
  return isWorker ? `worker:${id}` : `case:${id}`;
}

/** What a command computes from each valid snapshot, in whichever thread evaluates it. May throw a TimescaleError, which rejects the record. */
export type CaseTask<P> = (snapshot: Snapshot, record: InputRecord) => P;

/**
 * What became of one record where it was judged (read, validated, evaluated): rejected, accepted
 * with the task's result, or failed in the task. `key` is the id the record is remembered by,
 * when legible, so that a later record with the same id is rejected as a duplicate. Plain data,
 * so that it can come back from a worker thread.
 */
export type Outcome<P> =
  | { readonly kind: 'rejected'; readonly rejection: Rejection; readonly key: string | undefined }
  | (Judged & { readonly kind: 'failed'; readonly problems: readonly Problem[] })
  | (Judged & { readonly kind: 'accepted'; readonly result: P; readonly warnings: readonly Problem[] });

/** A valid record: the id it is remembered by, where it is, and whether it came from CSV rows. */
interface Judged {
  readonly key: string;
  readonly line: number;
  readonly caseId: string | undefined;
  readonly csv: boolean;
}

/**
 * Judges one record: parses it if it is an unread JSON line, validates it and runs the task on
 * the snapshot. The same in the main thread and in a worker.
 */
export function judge<P>(item: PendingRecord, task: CaseTask<P>, options: ProcessOptions = {}): Outcome<P> {
  const record = 'text' in item ? readLine(item.text, item.line) : item;
  const checked = check(record, options);
  if ('rejection' in checked) {
    const { rejection } = checked;
    return { kind: 'rejected', rejection, key: rejection.caseId === undefined ? undefined : idKey(record.value, rejection.caseId) };
  }
  const { snapshot } = checked;
  const judged: Judged = { key: 'workerId' in snapshot ? `worker:${snapshot.workerId}` : `case:${snapshot.caseId}`, line: record.line, caseId: record.caseId, csv: record.eventLines !== undefined };
  try {
    return { ...judged, kind: 'accepted', result: task(snapshot, record), warnings: checked.warnings };
  } catch (e) {
    return { ...judged, kind: 'failed', problems: [problemFromError(e)] };
  }
}

/** What a command does with each record's outcome, in input order. */
export interface OutcomeHandler<P> {
  /** Called with the task's result for each record kept; may throw a TimescaleError, which rejects the record. */
  accept(result: P): void;
  reject(rejection: Rejection): void;
  /** Called for an accepted record with warnings (fields ignored), after `accept`. */
  warn?(warning: Rejection): void;
  /** Called after each batch, to write out and wait for the reader of the output. */
  flush(): Promise<void>;
}

/** Judges batches of records, in this thread or in worker threads (see `parallel/pool.ts`). */
export interface BatchJudge<P> {
  /** The outcomes of a batch, in its order. */
  judge(batch: PendingBatch): Promise<Outcome<P>[]>;
  /** How many batches may be out being judged before the oldest is waited for (0: none). */
  readonly window: number;
  /** Whether JSON lines are best handed over as bytes, to be decoded and split where they are judged (see `input/line-bytes.ts`). */
  readonly lineBytes?: boolean;
}

/** The records of a batch, JSON lines given as bytes decoded and split (in the thread that judges them). */
export function batchRecords(batch: PendingBatch): PendingRecord[] {
  return Array.isArray(batch) ? batch : readLineBytes(batch);
}

/** Judges each batch at once, in this thread. */
export function inThisThread<P>(task: CaseTask<P>, options: ProcessOptions = {}): BatchJudge<P> {
  return { judge: (batch) => Promise.resolve(batchRecords(batch).map((item) => judge(item, task, options))), window: 0 };
}

/**
 * Runs every record of a source through a judge and hands the outcomes to a handler in input
 * order, batch by batch, with at most the judge's window of batches out at once, so that memory
 * holds a few batches whatever the input's size. A case id seen before is rejected: in JSON a
 * case given twice, in CSV a case whose rows are not together, either of which would count the
 * case twice or judge it on part of its events.
 */
export async function runRecords<P>(source: PendingSource, judgeBatches: BatchJudge<P>, handler: OutcomeHandler<P>, progress?: { bar: Progress; bytes: () => number }): Promise<Counts> {
  const counts: Counts = { read: 0, evaluated: 0, rejected: 0, warned: 0 };
  const seen = new SeenIds();
  const reject = (r: Rejection) => {
    counts.rejected++;
    handler.reject(r);
  };
  const settle = (o: Outcome<P>) => {
    counts.read++;
    if (o.kind === 'rejected') {
      if (o.key !== undefined) seen.add(o.key);
      return reject(o.rejection);
    }
    const { line, caseId } = o;
    if (!seen.add(o.key)) {
      return reject({
        line,
        caseId,
        problems: [{ code: 'duplicate-case-id', path: o.key.startsWith('worker:') ? 'workerId' : 'caseId', ...(o.csv ? { line } : {}), message: 'An earlier record has the same id. Give each case once with all its events (in CSV, keep the rows of a case together), or its figures are counted twice or judged on part of its events.' }],
      });
    }
    if (o.kind === 'failed') return reject({ line, caseId, problems: o.problems });
    try {
      handler.accept(o.result);
    } catch (e) {
      return reject({ line, caseId, problems: [problemFromError(e)] });
    }
    counts.evaluated++;
    if (o.warnings.length > 0) {
      counts.warned++;
      handler.warn?.({ line, caseId, problems: o.warnings });
    }
  };
  const queue: Promise<Outcome<P>[]>[] = [];
  const settleOldest = async () => {
    for (const o of await queue.shift()!) settle(o);
    progress?.bar.update(counts.read, progress.bytes());
    await handler.flush();
  };
  for await (const batch of source) {
    queue.push(judgeBatches.judge(batch));
    while (queue.length > judgeBatches.window) await settleOldest();
  }
  while (queue.length > 0) await settleOldest();
  progress?.bar.clear();
  return counts;
}

/** What {@link processRecords} does with each record. */
export interface RecordHandler {
  /** Called for each valid snapshot; may throw a TimescaleError, which rejects the record. */
  accept(snapshot: Snapshot, record: InputRecord): void;
  reject(rejection: Rejection): void;
  /** Called for an accepted record with warnings (fields ignored), after `accept`. */
  warn?(warning: Rejection): void;
  /** Called after each batch, to write out and wait for the reader of the output. */
  flush(): Promise<void>;
}

/** Runs every record of a source through validation to a handler in this thread (see {@link runRecords}). */
export function processRecords(source: PendingSource, handler: RecordHandler, progress?: { bar: Progress; bytes: () => number }, options: ProcessOptions = {}): Promise<Counts> {
  return runRecords(
    source,
    inThisThread((snapshot, record) => ({ snapshot, record }), options),
    { accept: ({ snapshot, record }) => handler.accept(snapshot, record), reject: (r) => handler.reject(r), ...(handler.warn ? { warn: (w: Rejection) => handler.warn!(w) } : {}), flush: () => handler.flush() },
    progress,
  )
}
