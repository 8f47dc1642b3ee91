/** Stable codes for problems found in a snapshot. */
export type SnapshotProblemCode =
  | 'missing-field'
  | 'invalid-type'
  | 'invalid-date'
  | 'invalid-date-time'
  | 'invalid-value'
  | 'unknown-event-type'
  | 'duplicate-event-id'
  | 'date-time-mismatch'
  | 'end-before-start'
  | 'not-a-snapshot'
  | 'unrecognised-field'
  | 'unsupported-interval'
  | 'more-problems';

/** One problem in a snapshot: what kind, where, and what to do. Never the value itself. */
export interface SnapshotProblem {
  readonly code: SnapshotProblemCode;
  /** Field path as text, e.g. `events[3].date`. */
  readonly path: string;
  readonly message: string;
}

/** The most problems listed for one record; the rest are counted, so a message stays readable. */
export const MAX_PROBLEMS = 50;

/**
 * The first `MAX_PROBLEMS` (50) problems, and a last one saying how many more there were. A
 * snapshot with a hundred thousand bad events gives a short answer, not a 17 MB message.
 */
export function capProblems<P extends { readonly code: string; readonly path: string; readonly message: string }>(problems: readonly P[]): readonly (P | SnapshotProblem)[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - (MAX_PROBLEMS - 1);
  return [...problems.slice(0, MAX_PROBLEMS - 1), { code: 'more-problems', path: '', message: `… and ${more} more problems, not listed: correct these and check the record again.` }];
}

/**
 * Thrown when a snapshot does not match the schema. Lists every problem, each with a stable
 * code, the path of the field and a message; the offending values are never echoed.
 */
export class SnapshotError extends Error {
  /** Always `invalid-snapshot`; the details are in `problems`. */
  readonly code = 'invalid-snapshot' as const;
  /** The case (or worker) id when it could be read, to find the record. */
  readonly caseId: string | undefined;
  readonly problems: readonly SnapshotProblem[];

  /** @param problems every problem found; more than `MAX_PROBLEMS` (50) are counted, not listed. */
  constructor(caseId: string | undefined, problems: readonly SnapshotProblem[]) {
    const head = caseId === undefined ? 'The snapshot' : `The snapshot for case ${caseId}`;
    const listed = capProblems(problems);
    super(`${head} has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${listed.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`);
    this.name = 'SnapshotError';
    this.caseId = caseId;
    this.problems = listed;
  }
}

/** Writes a path array as `events[3].date`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}
