import type { CaseEvent } from '../../schemas/events.js';
import type { CaseSnapshot } from '../../schemas/case-snapshot.js';
import { dayMonthYear } from '../dates.js';
import { problem, type ImportProblem, type ImportResult, type Origin } from '../problem.js';
import { EPISODE_CONTINUES, LEGAL_STATUS, MISSING_CODES, NEW_EPISODE, placementKind, TEMPORARY_PLACEMENT } from './codes.js';
import { ssda903Supply } from './supply.js';

/** One row (CSV) or element (XML) of the return, with its cells by SSDA903 column name. */
export interface Row {
  readonly at: Origin;
  readonly cells: Readonly<Record<string, string>>;
}

/** Everything the return holds about one child, gathered from its files. */
export interface ChildRows {
  readonly id: string;
  readonly headers: Row[];
  readonly episodes: Row[];
  readonly reviews: Row[];
  readonly missing: Row[];
  readonly socialWorkers: Row[];
}

/** A new, empty gathering for a child. */
export function childRows(id: string): ChildRows {
  return { id, headers: [], episodes: [], reviews: [], missing: [], socialWorkers: [] };
}

/** Event ids unique within the child: a second event of the same id gets a suffix. */
class Ids {
  private readonly seen = new Map<string, number>();
  next(base: string): string {
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }
}

interface Episode {
  readonly row: Row;
  readonly start: string;
  readonly end: string | undefined;
}

/**
 * Builds one child's snapshot from the return's rows. A row that cannot be mapped is left out
 * with a problem and the rest goes on; without a usable date of birth (or with rows but no
 * header) the child comes back as an error.
 */
export function buildChild(rows: ChildRows): ImportResult {
  const id = rows.id;
  const problems: ImportProblem[] = [];
  const header = rows.headers[0];
  for (const extra of rows.headers.slice(1)) problems.push(problem(extra.at, 'CHILD', 'duplicate-child', 'The child has a second header row; the first is used.', id));
  if (!header) {
    const first = [...rows.episodes, ...rows.reviews, ...rows.missing, ...rows.socialWorkers][0]!;
    problems.push(problem(first.at, 'CHILD', 'orphan-row', 'The child has rows but no header row (date of birth), so no snapshot can be made.', id));
    return { kind: 'error', caseId: id, problems };
  }
  const dob = dayMonthYear(header.cells.DOB ?? '', header.at, 'DOB', id, problems, true);
  if (dob === undefined) {
    if ((header.cells.DOB ?? '') === '') problems.push(problem(header.at, 'DOB', 'missing-value', 'The date of birth is blank.', id));
    problems.push(problem(header.at, 'DOB', 'no-date-of-birth', 'Without a usable date of birth no snapshot can be made for the child.', id));
    return { kind: 'error', caseId: id, problems };
  }
  const ids = new Ids();
  const events: CaseEvent[] = [];
  const careStartRecorded = placements(rows, id, ids, events, problems);
  reviews(rows, dob, id, ids, events, problems);
  missing(rows, dob, id, ids, events, problems);
  const snapshot: CaseSnapshot = { caseId: id, child: { dateOfBirth: dob }, events, supply: ssda903Supply(careStartRecorded) };
  const worker = socialWorker(rows, id, problems);
  return { kind: 'snapshot', caseId: id, snapshot: worker === undefined ? snapshot : { ...snapshot, worker }, problems };
}

/** A row's date of birth, where the file repeats it, must be the header's. */
function sameBirth(row: Row, dob: string, id: string, problems: ImportProblem[]): boolean {
  const text = row.cells.DOB;
  if (text === undefined || text === '') return true;
  const own = dayMonthYear(text, row.at, 'DOB', id, [], true);
  if (own === undefined || own === dob) return true;
  problems.push(problem(row.at, 'DOB', 'conflicting-fact', "The row's date of birth differs from the header's; the row is left out.", id));
  return false;
}

/**
 * Periods of care and placements from the episodes, in date order. Returns whether the start of
 * the child's care is recorded: a first episode that is not a start (RNE S) began a period of
 * care before the return's records, whose start is then not known.
 */
function placements(rows: ChildRows, id: string, ids: Ids, events: CaseEvent[], problems: ImportProblem[]): boolean {
  const episodes: Episode[] = [];
  for (const row of rows.episodes) {
    const start = dayMonthYear(row.cells.DECOM ?? '', row.at, 'DECOM', id, problems);
    if (start === undefined) {
      if ((row.cells.DECOM ?? '') === '') problems.push(problem(row.at, 'DECOM', 'missing-value', 'The episode start is blank; the row is left out.', id));
      continue;
    }
    const endProblems: ImportProblem[] = [];
    const end = dayMonthYear(row.cells.DEC ?? '', row.at, 'DEC', id, endProblems);
    if (endProblems.length > 0) {
      // An episode whose end cannot be read would look open: leave it out rather than guess.
      problems.push(...endProblems);
      continue;
    }
    episodes.push({ row, start, end });
  }
  episodes.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let inCare = false;
  let careStartRecorded = true;
  let placement: string | undefined;
  let placements = 0;
  const endPlacement = (date: string) => {
    if (placement !== undefined) events.push({ id: ids.next(`${placement}-end`), type: 'placement-ended', date, placementId: placement });
    placement = undefined;
  };
  episodes.forEach((ep, i) => {
    const { row, start } = ep;
    const rne = row.cells.RNE ?? '';
    const ls = row.cells.LS ?? '';
    const place = row.cells.PLACE ?? '';
    const known = NEW_EPISODE.started.has(rne) || NEW_EPISODE.newPlacement.has(rne) || NEW_EPISODE.samePlacementChanged.has(rne) || NEW_EPISODE.legalStatusOnly.has(rne);
    if (!known) problems.push(problem(row.at, 'RNE', rne === '' ? 'missing-value' : 'unknown-code', 'Not a reason for new episode of the SSDA903 schema; the episode is read as a change of placement.', id));
    if (ls !== '' && LEGAL_STATUS[ls] === undefined) problems.push(problem(row.at, 'LS', 'unknown-code', 'Not a legal status code of the SSDA903 schema; the legal status is left out.', id));
    const temporary = TEMPORARY_PLACEMENT.has(place);
    const kind = placementKind(place, ls);
    if (!temporary && kind === undefined) problems.push(problem(row.at, 'PLACE', place === '' ? 'missing-value' : 'unknown-code', 'Not a placement code of the SSDA903 schema; the placement is left out.', id));
    if (!inCare) {
      inCare = true;
      if (NEW_EPISODE.started.has(rne)) {
        const legalStatus = LEGAL_STATUS[ls];
        events.push({ id: ids.next(`care-${start}`), type: 'became-looked-after', date: start, ...(legalStatus ? { legalStatus } : {}) });
      } else if (i === 0) careStartRecorded = false;
      else problems.push(problem(row.at, 'RNE', 'unknown-code', 'A new period of care must start with reason S; the start of this period is left out.', id));
    }
    const startsPlacement = placement === undefined || NEW_EPISODE.started.has(rne) || NEW_EPISODE.newPlacement.has(rne) || !known;
    if (temporary) {
      // A temporary move: the placement before it goes on. With none before, nothing is placed.
      if (placement === undefined) problems.push(problem(row.at, 'PLACE', 'unmapped-code', 'A temporary placement code with no placement before it cannot be mapped to a placement kind; no placement is recorded.', id));
    } else if (kind !== undefined) {
      if (startsPlacement) {
        endPlacement(start);
        placement = `placement-${++placements}`;
        events.push({ id: ids.next(`${placement}-start`), type: 'placement-started', date: start, placementId: placement, kind });
      } else if (NEW_EPISODE.samePlacementChanged.has(rne)) {
        events.push({ id: ids.next(`${placement}-change-${start}`), type: 'placement-changed', date: start, placementId: placement!, kind });
      }
    }
    const rec = row.cells.REC ?? '';
    if (ep.end !== undefined && rec !== EPISODE_CONTINUES) {
      if (rec === '') problems.push(problem(row.at, 'REC', 'missing-value', 'The episode has an end date but no reason; it is read as the end of care.', id));
      endPlacement(ep.end);
      events.push({ id: ids.next(`care-ended-${ep.end}`), type: 'ceased-looked-after', date: ep.end });
      inCare = false;
    }
  });
  return careStartRecorded;
}

function reviews(rows: ChildRows, dob: string, id: string, ids: Ids, events: CaseEvent[], problems: ImportProblem[]): void {
  for (const row of rows.reviews) {
    if (!sameBirth(row, dob, id, problems)) continue;
    const date = dayMonthYear(row.cells.REVIEW ?? '', row.at, 'REVIEW', id, problems);
    if (date === undefined) {
      if ((row.cells.REVIEW ?? '') === '') problems.push(problem(row.at, 'REVIEW', 'missing-value', 'The review date is blank; the row is left out.', id));
      continue;
    }
    events.push({ id: ids.next(`review-${date}`), type: 'looked-after-review', date });
  }
}

function missing(rows: ChildRows, dob: string, id: string, ids: Ids, events: CaseEvent[], problems: ImportProblem[]): void {
  for (const row of rows.missing) {
    if (!sameBirth(row, dob, id, problems)) continue;
    const code = row.cells.MISSING ?? '';
    if (!MISSING_CODES.has(code)) {
      problems.push(problem(row.at, 'MISSING', code === '' ? 'missing-value' : 'unknown-code', 'Not M (missing) or A (away without authorisation); the row is left out.', id));
      continue;
    }
    // Away from placement without authorisation is not a missing episode: no return interview is due.
    if (code === 'A') continue;
    const start = dayMonthYear(row.cells.MIS_START ?? '', row.at, 'MIS_START', id, problems);
    if (start === undefined) {
      if ((row.cells.MIS_START ?? '') === '') problems.push(problem(row.at, 'MIS_START', 'missing-value', 'The start of the missing episode is blank; the row is left out.', id));
      continue;
    }
    const endProblems: ImportProblem[] = [];
    const end = dayMonthYear(row.cells.MIS_END ?? '', row.at, 'MIS_END', id, endProblems);
    if (endProblems.length > 0) {
      // A return whose date cannot be read would look like a child still missing: leave it out.
      problems.push(...endProblems);
      continue;
    }
    const episodeId = ids.next(`missing-${start}`);
    events.push({ id: `${episodeId}-start`, type: 'missing-episode-started', date: start, episodeId });
    if (end !== undefined) events.push({ id: `${episodeId}-end`, type: 'missing-episode-ended', date: end, episodeId });
  }
}

/** The social worker of the latest social worker episode still open, else the latest. */
function socialWorker(rows: ChildRows, id: string, problems: ImportProblem[]): string | undefined {
  let best: { start: string; open: boolean; sw: string } | undefined;
  for (const row of rows.socialWorkers) {
    const sw = row.cells.SW_ID ?? '';
    const start = dayMonthYear(row.cells.SW_DECOM ?? '', row.at, 'SW_DECOM', id, problems);
    if (sw === '' || start === undefined) continue;
    const open = (row.cells.SW_DEC ?? '') === '';
    if (!best || (open && !best.open) || (open === best.open && start > best.start)) best = { start, open, sw };
  }
  return best?.sw;
}
