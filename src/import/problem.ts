import type { CaseSnapshot } from '../schemas/case-snapshot.js';

/** The stable codes of import problems. */
export type ImportProblemCode =
  | 'invalid-date'
  | 'date-outside-calendar'
  | 'unknown-code'
  | 'unmapped-code'
  | 'missing-value'
  | 'orphan-row'
  | 'duplicate-child'
  | 'missing-column'
  | 'unreadable-file'
  | 'no-date-of-birth'
  | 'conflicting-fact'
  | 'unknown-sheet';

/**
 * A source row (or element) that could not be mapped. It names the file, the line (CSV) or
 * element path (XML), the column and a stable code, and the child's id when known; never the
 * cell's value.
 */
export interface ImportProblem {
  readonly code: ImportProblemCode;
  readonly file: string;
  /** The worksheet of a workbook (Annex A); `line` is then the row in that sheet. */
  readonly sheet?: string;
  /** The line in a CSV file, counting the header as line 1, or the row of a worksheet. */
  readonly line?: number;
  /** The element path in an XML file, e.g. `EXPSSDA903/CHILD[12]/EPISODE[2]`. */
  readonly element?: string;
  readonly column: string;
  readonly childId?: string;
  readonly message: string;
}

/** Where a value came from, to name in a problem. */
export interface Origin {
  readonly file: string;
  readonly sheet?: string;
  readonly line?: number;
  readonly element?: string;
}

/**
 * A due date the council's own system recorded, kept to reconcile with ours: the CIN census's
 * `InitialCPCtarget` and SSD's `icpc_icpc_target_date` count from the event `anchorEventId`; SSD's
 * `cppr_cp_review_due` and `clar_cla_review_due_date` are the due dates of the review held as
 * `metByEventId`, or, for a review not yet held (neither id), of the duty still open. Each is met
 * by an event of type `evidence`.
 */
export interface CouncilDueDate {
  readonly anchorEventId?: string;
  readonly metByEventId?: string;
  readonly evidence: string;
  readonly due: string;
  /** The column or element it was read from. */
  readonly field: string;
  readonly at: Origin;
}

/**
 * One child as an importer found it: a snapshot (with the problems of rows that were left out),
 * or an error when no snapshot can be made (no usable date of birth, rows with no person).
 * Every child in the input comes back as exactly one of these.
 */
export type ImportResult =
  | { readonly kind: 'snapshot'; readonly caseId: string; readonly snapshot: CaseSnapshot; readonly problems: readonly ImportProblem[]; readonly dueDates?: readonly CouncilDueDate[] }
  | { readonly kind: 'error'; readonly caseId: string | undefined; readonly problems: readonly ImportProblem[] };

/** What an importer yields: a child (snapshot or error), or a problem not tied to a child (a file it cannot read). */
export type ImportEntry = ImportResult | { readonly kind: 'problem'; readonly problem: ImportProblem };

/** A problem at an origin. */
export function problem(at: Origin, column: string, code: ImportProblemCode, message: string, childId?: string): ImportProblem {
  return {
    code,
    file: at.file,
    ...(at.sheet !== undefined ? { sheet: at.sheet } : {}),
    ...(at.line !== undefined ? { line: at.line } : {}),
    ...(at.element !== undefined ? { element: at.element } : {}),
    column,
    ...(childId !== undefined ? { childId } : {}),
    message,
  };
}

/** Where a problem is, as one line of text: `file:line column X`, `file [sheet] row N column X` or `file element/path column X`. */
export function problemPlace(p: ImportProblem): string {
  if (p.sheet !== undefined) return `${p.file} [${p.sheet}]${p.line !== undefined ? ` row ${p.line}` : ''} column ${p.column}`;
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.element !== undefined ? `${p.file} ${p.element}` : p.file;
  return `${where} column ${p.column}`;
}
