import type { z } from 'zod';
import { CaseSnapshot } from '../schemas/case-snapshot.js';
import { WorkerSnapshot } from '../schemas/worker-snapshot.js';
import { compileAcceptor } from './accept.js';
import { SnapshotError, formatPath, type SnapshotProblem } from './snapshot-error.js';

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
    case 'invalid_format':
      if (issue.format === 'date') {
        return { code: 'invalid-date', path, message: 'Expected a calendar date that exists, written as YYYY-MM-DD (for example 2024-01-05).' };
      }
      if (issue.format === 'datetime') {
        return {
          code: 'invalid-date-time',
          path,
          message: 'Expected a date-time with seconds and an offset, written as YYYY-MM-DDTHH:MM:SS±HH:MM or …Z (for example 2024-03-04T09:30:00+00:00).',
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
    default:
      return { code: 'invalid-value', path, message: issue.message };
  }
}

function crossChecks(snapshot: Snapshot): SnapshotProblem[] {
  const problems: SnapshotProblem[] = [];
  const seen = new Set<string>();
  snapshot.events.forEach((e, i) => {
    if (seen.has(e.id)) {
      problems.push({ code: 'duplicate-event-id', path: `events[${i}].id`, message: 'Event ids must be unique within a snapshot.' });
    }
    seen.add(e.id);
    if ('at' in e && e.at !== undefined && e.at.slice(0, 10) !== e.date) {
      problems.push({ code: 'date-time-mismatch', path: `events[${i}].at`, message: 'The date-time must fall on the event date (its local date part must equal `date`).' });
    }
  });
  if ('schoolTerms' in snapshot && snapshot.schoolTerms) {
    snapshot.schoolTerms.terms.forEach((t, i) => {
      if (t.end < t.start) problems.push({ code: 'end-before-start', path: `schoolTerms.terms[${i}].end`, message: 'A term must end on or after its start.' });
    });
  }
  if ('periods' in snapshot && snapshot.periods) {
    snapshot.periods.forEach((p, i) => {
      if (p.end < p.start) problems.push({ code: 'end-before-start', path: `periods[${i}].end`, message: 'A period must end on or after its start.' });
    });
  }
  return problems;
}

const acceptsCase = compileAcceptor(CaseSnapshot);
const acceptsWorker = compileAcceptor(WorkerSnapshot);

/**
 * Validates a case or worker snapshot. A worker snapshot is recognised by its `workerId`.
 * @throws SnapshotError listing every problem, with codes and paths, never values.
 */
export function validateSnapshot(input: unknown): Snapshot {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new SnapshotError(undefined, [{ code: 'not-a-snapshot', path: '', message: 'A snapshot is a JSON object with a caseId (or workerId) and events.' }]);
  }
  const record = input as Record<string, unknown>;
  const isWorker = 'workerId' in record && !('caseId' in record);
  // A snapshot valid as it stands needs no copy from zod; zod reports the problems in the rest.
  const accepted = (isWorker ? acceptsWorker : acceptsCase)?.(input) === true;
  const result = accepted
    ? { success: true as const, data: input as Snapshot }
    : isWorker
      ? WorkerSnapshot.safeParse(input)
      : CaseSnapshot.safeParse(input);
  const id = isWorker ? record.workerId : record.caseId;
  const caseId = typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
  if (!result.success) throw new SnapshotError(caseId, result.error.issues.map((i) => toProblem(i, input)));
  const problems = crossChecks(result.data);
  if (problems.length > 0) throw new SnapshotError(caseId, problems);
  return result.data;
}
