import type { Report } from '../engine/obligation.js';
import { capProblems, SnapshotError } from '../engine/snapshot-error.js';
import { checkSnapshot, type Snapshot } from '../engine/validate.js';
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

/** What a command does with each record. */
export interface RecordHandler {
  /** Called for each valid snapshot; may throw a TimescaleError, which rejects the record. */
  accept(snapshot: Snapshot, record: InputRecord): void;
  reject(rejection: Rejection): void;
  /** Called for an accepted record with warnings (fields ignored), after `accept`. */
  warn?(warning: Rejection): void;
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

/**
 * Runs every record of a source through validation to a handler, batch by batch, so memory
 * holds one batch at a time. A case id seen before is rejected: in JSON a case given twice, in
 * CSV a case whose rows are not together, either of which would count the case twice or judge
 * it on part of its events.
 */
export async function processRecords(source: RecordSource, handler: RecordHandler, progress?: { bar: Progress; bytes: () => number }, options: ProcessOptions = {}): Promise<Counts> {
  const counts: Counts = { read: 0, evaluated: 0, rejected: 0, warned: 0 };
  const seen = new SeenIds();
  const reject = (r: Rejection) => {
    counts.rejected++;
    handler.reject(r);
  };
  for await (const batch of source) {
    for (const record of batch) {
      counts.read++;
      const result = check(record, options);
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
        if (result.warnings.length > 0) {
          counts.warned++;
          handler.warn?.({ line: record.line, caseId: record.caseId, problems: result.warnings });
        }
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
