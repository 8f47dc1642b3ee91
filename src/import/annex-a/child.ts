import type { CaseEvent } from '../../schemas/events.js';
import type { CaseSnapshot } from '../../schemas/case-snapshot.js';
import { dayMonthYear, excelSerialDate, isoDatePart } from '../dates.js';
import { problem, type ImportProblem, type ImportResult, type Origin } from '../problem.js';
import { LEGAL_STATUS, placementKind, TEMPORARY_PLACEMENT } from '../ssda903/codes.js';
import type { ListNumber } from './lists.js';
import { annexASupply } from './supply.js';
import { CELL_ERROR, type Cell } from './workbook.js';

/** One row of a list, its cells by the keys of the list's columns (see `LISTS`). */
export interface ListRow {
  readonly list: ListNumber;
  readonly at: Origin;
  /** The template name of each column read, by key, to name in problems. */
  readonly names: Readonly<Record<string, string>>;
  readonly cells: Readonly<Record<string, Cell>>;
}

/** A cell as text: numbers as written, an error or an empty cell as ''. */
export function cellText(cell: Cell): string {
  if (cell === undefined || cell === CELL_ERROR) return '';
  return typeof cell === 'number' ? String(cell) : cell.trim();
}

/** The answer of a choice cell without its template's letter (`b) No` is `No`). */
function choice(cell: Cell): string {
  return cellText(cell).replace(/^[a-z]\)\s*/i, '');
}

/** A code at the start of a choice (`f) U6: Foster placement - not FFA` is `U6`), or ''. */
function codeOf(cell: Cell): string {
  return /^([A-Z]\d)\b/.exec(choice(cell))?.[1] ?? '';
}

/** An event before its id is given. */
type Unnamed = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'id'> : never) : never;

class Builder {
  readonly events: CaseEvent[] = [];
  readonly problems: ImportProblem[] = [];
  private readonly seen = new Set<string>();
  constructor(readonly id: string) {}

  /** A date cell: a workbook serial, `dd/mm/yyyy` or ISO text; blank is undefined, anything else a problem. */
  date(row: ListRow, key: string, birth = false): string | undefined {
    const cell = row.cells[key];
    const column = row.names[key] ?? key;
    if (cell === undefined || cell === '') return undefined;
    if (cell === CELL_ERROR) {
      this.problems.push(problem(row.at, column, 'invalid-date', 'The cell holds an error value (such as #N/A), not a date; it is left out.', this.id));
      return undefined;
    }
    if (typeof cell === 'number') return excelSerialDate(cell, row.at, column, this.id, this.problems, birth);
    const text = cell.trim();
    if (/^\d{4}-\d{2}-\d{2}/.test(text)) return isoDatePart(text, row.at, column, this.id, this.problems, birth);
    return dayMonthYear(text, row.at, column, this.id, this.problems, birth);
  }

  /** A date that must be there: blank is a problem. */
  required(row: ListRow, key: string): string | undefined {
    if (cellText(row.cells[key]) === '' && row.cells[key] !== CELL_ERROR) {
      this.problems.push(problem(row.at, row.names[key] ?? key, 'missing-value', 'The column may not be blank; the row is left out.', this.id));
      return undefined;
    }
    return this.date(row, key);
  }

  /** Yes or No, with or without the template's letter; blank is undefined; anything else a problem. */
  flag(row: ListRow, key: string): boolean | undefined {
    const v = choice(row.cells[key]);
    if (v === '') return undefined;
    if (/^(y|yes|true|1)$/i.test(v)) return true;
    if (/^(n|no|false|0)$/i.test(v)) return false;
    this.problems.push(problem(row.at, row.names[key] ?? key, 'unknown-code', 'Not Yes or No; the answer is left out.', this.id));
    return undefined;
  }

  /** Adds an event once: the same type on the same date from two lists (or rows) is one event. */
  push(slug: string, e: Unnamed): string {
    const id = `${slug}-${e.date}`;
    const key = `${e.type}|${e.date}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.events.push({ ...e, id } as CaseEvent);
    }
    return id;
  }
}

/**
 * Builds one child's snapshot from the rows of the lists it appears in. Each row's dates become
 * events (the mapping is in each list's function below); a cell that cannot be read is left out
 * with a problem. Without a usable date of birth, or with two different ones, the child is an error.
 * `present` is the lists the input holds: what a list records counts for every child only when
 * the list was given.
 */
export function buildAnnexAChild(id: string, rows: readonly ListRow[], present: ReadonlySet<ListNumber>): ImportResult {
  const b = new Builder(id);
  let dob: string | undefined;
  let conflicting = false;
  for (const r of rows) {
    const d = b.date(r, 'dob', true);
    if (d === undefined) continue;
    dob ??= d;
    if (d !== dob) {
      conflicting = true;
      b.problems.push(problem(r.at, r.names.dob ?? 'Date of Birth', 'conflicting-fact', "The row's date of birth differs from the child's first row's; no snapshot is made until the lists agree.", id));
    }
  }
  const first = rows[0]!;
  if (conflicting) return { kind: 'error', caseId: id, problems: b.problems };
  if (dob === undefined) {
    b.problems.push(problem(first.at, first.names.dob ?? 'Date of Birth', 'no-date-of-birth', 'No list gives a usable date of birth, so no snapshot can be made for the child.', id));
    return { kind: 'error', caseId: id, problems: b.problems };
  }
  const lists = new Set<ListNumber>();
  for (const r of rows) {
    lists.add(r.list);
    MAP[r.list](b, r);
  }
  const snapshot: CaseSnapshot = {
    caseId: id,
    child: { dateOfBirth: dob, ...(present.has(9) ? { careLeaver: lists.has(9) } : {}) },
    events: b.events,
    supply: annexASupply(present, lists),
  };
  return { kind: 'snapshot', caseId: id, snapshot, problems: b.problems };
}

/** How each list's row becomes events. */
const MAP: Readonly<Record<ListNumber, (b: Builder, r: ListRow) => void>> = {
  3(b, r) {
    const d = b.required(r, 'referral');
    if (d) b.push('referral', { type: 'referral', date: d });
  },
  4(b, r) {
    const start = b.required(r, 'start');
    if (!start) return;
    const assessmentId = `assessment-${start}`;
    b.push('assessment-started', { type: 'assessment-started', date: start, assessmentId });
    const done = b.date(r, 'authorised');
    if (done) b.push('assessment-authorised', { type: 'assessment-authorised', date: done, assessmentId });
  },
  5(b, r) {
    const start = b.required(r, 'start');
    if (!start) return;
    b.push('section-47', { type: 'section-47-started', date: start });
    const icpc = b.date(r, 'icpc');
    if (icpc) b.push('initial-child-protection-conference', { type: 'initial-child-protection-conference', date: icpc });
    // Annex A gives no date the enquiry concluded; a conference "deemed unnecessary" is recorded
    // as concluded on its start, which ends the duty to hold one (as the CIN census is read).
    if (b.flag(r, 'unnecessary') === true && !icpc) b.push('section-47-concluded', { type: 'section-47-concluded', date: start, conferenceRequired: false });
  },
  6(b, r) {
    // "Date Child Was Last Seen": the latest visit at which a social worker saw the child.
    const seen = b.date(r, 'lastSeen');
    if (seen) b.push('visit', { type: 'visit', date: seen, mode: 'not-recorded', childSeen: true });
    const closed = b.date(r, 'closed');
    if (closed) b.push('case-closed', { type: 'case-closed', date: closed });
  },
  7(b, r) {
    const start = b.required(r, 'start');
    if (!start) return;
    b.push('child-protection-plan', { type: 'child-protection-plan-started', date: start });
    const visit = b.date(r, 'lastVisit');
    const alone = b.flag(r, 'seenAlone');
    // Seen alone is seen; "not seen alone" says nothing of whether the child was seen.
    if (visit) b.push('visit', { type: 'visit', date: visit, mode: 'not-recorded' as const, ...(alone === true ? { childSeen: true, seenAlone: true } : alone === false ? { seenAlone: false } : {}) });
    const review = b.date(r, 'lastReview');
    if (review) b.push('review-child-protection-conference', { type: 'review-child-protection-conference', date: review });
    const end = b.date(r, 'end');
    if (end) b.push('child-protection-plan-ended', { type: 'child-protection-plan-ended', date: end });
  },
  8(b, r) {
    const started = b.required(r, 'started');
    if (!started) return;
    const lsCode = codeOf(r.cells.legalStatus);
    if (cellText(r.cells.legalStatus) !== '' && LEGAL_STATUS[lsCode] === undefined) {
      b.problems.push(problem(r.at, r.names.legalStatus ?? 'legalStatus', 'unknown-code', 'Not a legal status code of the SSDA903 schema; the legal status is left out.', b.id));
    }
    const lsFrom = b.date(r, 'legalStatusStart');
    // The current legal status is the one the care began with only when it began that day.
    const atStart = lsFrom === started ? LEGAL_STATUS[lsCode] : undefined;
    b.push('looked-after', { type: 'became-looked-after', date: started, ...(atStart ? { legalStatus: atStart } : {}) });
    const ceased = b.date(r, 'ceased');
    const placed = b.date(r, 'placementStart');
    if (placed) {
      const code = codeOf(r.cells.placementType);
      // The current legal status was in force when the placement began if it began no later.
      const kind = placementKind(code, lsFrom !== undefined && lsFrom <= placed ? lsCode : '');
      if (kind === undefined) {
        const text = cellText(r.cells.placementType);
        b.problems.push(problem(r.at, r.names.placementType ?? 'placementType', text === '' ? 'missing-value' : TEMPORARY_PLACEMENT.has(code) ? 'unmapped-code' : 'unknown-code', 'Not a placement type that maps to a placement kind; the placement is left out.', b.id));
      } else {
        const placementId = `placement-${placed}`;
        b.push('placement-started', { type: 'placement-started', date: placed, placementId, kind });
        if (ceased) b.push('placement-ended', { type: 'placement-ended', date: ceased, placementId });
      }
    }
    if (ceased) b.push('ceased-looked-after', { type: 'ceased-looked-after', date: ceased });
    const review = b.date(r, 'lastReview');
    if (review) b.push('looked-after-review', { type: 'looked-after-review', date: review });
    const visit = b.date(r, 'lastVisit');
    if (visit) b.push('visit', { type: 'visit', date: visit, mode: 'not-recorded' });
    // "Date of Last IRO Visit / Contact to the Child" is not read: an IRO's contact is not a social work visit.
    const health = b.date(r, 'lastHealthAssessment');
    if (health) b.push('health-assessment', { type: 'health-assessment', date: health });
  },
  9() {
    // A care leaver: the list's presence is the fact; it records no dated event.
  },
  10(b, r) {
    const order = b.date(r, 'adoptionOrder');
    if (order) b.push('adoption-order', { type: 'adoption-order-made', date: order });
  },
};
