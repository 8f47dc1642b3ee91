import type { CaseEvent } from '../../schemas/events.js';
import type { CaseSnapshot } from '../../schemas/case-snapshot.js';
import type { PlacementKind } from '../../schemas/primitives.js';
import { isoDatePart, londonDateTime } from '../dates.js';
import type { CsvRow } from '../files.js';
import { problem, type CouncilDueDate, type ImportProblem, type ImportResult } from '../problem.js';
import { EPISODE_CONTINUES, LEGAL_STATUS, placementKind, TEMPORARY_PLACEMENT } from '../ssda903/codes.js';
import { ssdSupply } from './supply.js';

/** The SSD tables the importer reads, each keyed to a child by its person id column. */
export const SSD_TABLES = {
  ssd_person: 'pers_person_id',
  ssd_cin_episodes: 'cine_person_id',
  ssd_cin_assessments: 'cina_person_id',
  ssd_s47_enquiry: 's47e_person_id',
  ssd_initial_cp_conference: 'icpc_person_id',
  ssd_cp_plans: 'cppl_person_id',
  ssd_cp_reviews: 'cppr_person_id',
  ssd_cp_visits: 'cppv_person_id',
  ssd_cin_plans: 'cinp_person_id',
  ssd_cin_visits: 'cinv_person_id',
  ssd_cla_episodes: 'clae_person_id',
  ssd_cla_placement: 'clap_person_id',
  ssd_cla_reviews: '',
  ssd_cla_visits: 'clav_person_id',
  ssd_legal_status: 'lega_person_id',
  ssd_missing: 'miss_person_id',
  ssd_care_leavers: 'clea_person_id',
  ssd_involvements: 'invo_person_id',
} as const;
/** An SSD table the importer reads. */
export type SsdTable = keyof typeof SSD_TABLES;

/** One child's rows, by table. */
export type SsdChild = { readonly id: string } & { [T in SsdTable]: CsvRow[] };

/** A new, empty gathering for a child. */
export function ssdChild(id: string): SsdChild {
  const c = { id } as { id: string } & Record<SsdTable, CsvRow[]>;
  for (const t of Object.keys(SSD_TABLES) as SsdTable[]) c[t] = [];
  return c;
}

const YES = /^(y|yes|true|1)$/i;
const NO = /^(n|no|false|0)$/i;

class Builder {
  readonly events: CaseEvent[] = [];
  readonly problems: ImportProblem[] = [];
  readonly dueDates: CouncilDueDate[] = [];
  private readonly ids = new Map<string, number>();
  constructor(readonly id: string) {}

  /** A date-time column's date: SSD date-times carry no offset and are read as Europe/London local dates. */
  date(row: CsvRow, column: string): string | undefined {
    return isoDatePart(row.cells[column] ?? '', row.at, column, this.id, this.problems);
  }

  /** The `at` of a date-time column, when it carries a time (read as Europe/London). */
  at(row: CsvRow, column: string): { at?: string } {
    const at = londonDateTime(row.cells[column] ?? '');
    return at === undefined ? {} : { at };
  }

  eventId(base: string): string {
    const n = (this.ids.get(base) ?? 0) + 1;
    this.ids.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }

  push(e: CaseEvent): void {
    this.events.push(e);
  }

  /** The system's own due date of a review: of the review held as `metBy`, or of the one still to come. */
  councilDue(row: CsvRow, column: string, evidence: string, metBy: string | undefined): void {
    if ((row.cells[column] ?? '') === '') return;
    const due = this.date(row, column);
    if (due) this.dueDates.push({ ...(metBy ? { metByEventId: metBy } : {}), evidence, due, field: column, at: row.at });
  }

  flag(row: CsvRow, column: string): boolean | undefined {
    const v = row.cells[column] ?? '';
    return YES.test(v) ? true : NO.test(v) ? false : undefined;
  }
}

/** A row's own id, for event ids: the table's id column, else its line. */
function rowId(row: CsvRow, column: string): string {
  const v = row.cells[column] ?? '';
  return /^[A-Za-z0-9_.-]{1,60}$/.test(v) ? v : `line${row.at.line ?? 0}`;
}

/** The legal status in force on a day, from ssd_legal_status (for placements with parents). */
function legalStatusOn(b: Builder, rows: readonly CsvRow[], day: string): string {
  let found = '';
  for (const r of rows) {
    const from = isoDatePart(r.cells.lega_legal_status_start_date ?? '', r.at, 'lega_legal_status_start_date', b.id, []);
    const to = isoDatePart(r.cells.lega_legal_status_end_date ?? '', r.at, 'lega_legal_status_end_date', b.id, []);
    if (from !== undefined && from <= day && (to === undefined || to >= day)) found = r.cells.lega_legal_status ?? '';
  }
  return found;
}

/**
 * Builds one child's snapshot from the SSD tables. A row that cannot be mapped is left out with
 * a problem; without a usable date of birth, or with rows but no ssd_person row, the child is an error.
 */
export function buildSsdChild(c: SsdChild, claReviews: readonly CsvRow[]): ImportResult {
  const b = new Builder(c.id);
  const person = c.ssd_person[0];
  if (!person) {
    const first = (Object.keys(SSD_TABLES) as SsdTable[]).flatMap((t) => c[t])[0]!;
    b.problems.push(problem(first.at, Object.keys(first.cells)[0] ?? '', 'orphan-row', 'The row names a person who is not in ssd_person, so no snapshot can be made for them.', c.id));
    return { kind: 'error', caseId: c.id, problems: b.problems };
  }
  for (const extra of c.ssd_person.slice(1)) b.problems.push(problem(extra.at, 'pers_person_id', 'duplicate-child', 'The person appears twice in ssd_person; the first row is used.', c.id));
  const dob = isoDatePart(person.cells.pers_dob ?? '', person.at, 'pers_dob', c.id, b.problems, true);
  if (dob === undefined) {
    b.problems.push(problem(person.at, 'pers_dob', 'no-date-of-birth', 'Without a usable date of birth no snapshot can be made for the child.', c.id));
    return { kind: 'error', caseId: c.id, problems: b.problems };
  }
  const simple = (table: SsdTable, idColumn: string, pairs: readonly [string, CaseEvent['type'], string][]) => {
    for (const row of c[table]) {
      const rid = rowId(row, idColumn);
      for (const [column, type, suffix] of pairs) {
        const d = b.date(row, column);
        if (d !== undefined) b.push({ id: b.eventId(`${table.slice(4)}-${rid}-${suffix}`), type, date: d } as CaseEvent);
      }
    }
  };
  simple('ssd_cin_episodes', 'cine_referral_id', [['cine_referral_date', 'referral', 'referral'], ['cine_close_date', 'case-closed', 'closed']]);
  for (const row of c.ssd_cin_assessments) {
    const assessmentId = `assessment-${rowId(row, 'cina_assessment_id')}`;
    const start = b.date(row, 'cina_assessment_start_date');
    if (start) b.push({ id: b.eventId(`${assessmentId}-start`), type: 'assessment-started', date: start, assessmentId });
    const auth = b.date(row, 'cina_assessment_auth_date');
    if (auth) b.push({ id: b.eventId(`${assessmentId}-authorised`), type: 'assessment-authorised', date: auth, assessmentId });
  }
  const s47Starts = new Map<string, string>();
  for (const row of c.ssd_s47_enquiry) {
    const rid = rowId(row, 's47e_s47_enquiry_id');
    const start = b.date(row, 's47e_s47_start_date');
    if (start) {
      const id = b.eventId(`s47-${rid}-start`);
      s47Starts.set(row.cells.s47e_s47_enquiry_id ?? '', id);
      b.push({ id, type: 'section-47-started', date: start, ...b.at(row, 's47e_s47_start_date') });
    }
    const end = b.date(row, 's47e_s47_end_date');
    // No further action: no conference is required. Otherwise the extract does not say.
    if (end) b.push({ id: b.eventId(`s47-${rid}-concluded`), type: 'section-47-concluded', date: end, ...(b.flag(row, 's47e_s47_nfa') === true ? { conferenceRequired: false } : {}) });
  }
  for (const row of c.ssd_initial_cp_conference) {
    const rid = rowId(row, 'icpc_icpc_id');
    const d = b.date(row, 'icpc_icpc_date');
    if (d) b.push({ id: b.eventId(`icpc-${rid}`), type: 'initial-child-protection-conference', date: d });
    const anchor = s47Starts.get(row.cells.icpc_s47_enquiry_id ?? '');
    const target = (row.cells.icpc_icpc_target_date ?? '') === '' ? undefined : b.date(row, 'icpc_icpc_target_date');
    if (anchor && target) b.dueDates.push({ anchorEventId: anchor, evidence: 'initial-child-protection-conference', due: target, field: 'icpc_icpc_target_date', at: row.at });
  }
  simple('ssd_cp_plans', 'cppl_cp_plan_id', [['cppl_cp_plan_start_date', 'child-protection-plan-started', 'start'], ['cppl_cp_plan_end_date', 'child-protection-plan-ended', 'end']]);
  for (const row of c.ssd_cp_reviews) {
    const d = b.date(row, 'cppr_cp_review_date');
    const id = d ? b.eventId(`cp_reviews-${rowId(row, 'cppr_cp_review_id')}-review`) : undefined;
    if (d && id) b.push({ id, type: 'review-child-protection-conference', date: d });
    b.councilDue(row, 'cppr_cp_review_due', 'review-child-protection-conference', id);
  }
  simple('ssd_cin_plans', 'cinp_cin_plan_id', [['cinp_cin_plan_start_date', 'child-in-need-plan-started', 'start'], ['cinp_cin_plan_end_date', 'child-in-need-plan-ended', 'end']]);
  for (const [table, idc, datec, seenc, alonec] of [
    ['ssd_cin_visits', 'cinv_cin_visit_id', 'cinv_cin_visit_date', 'cinv_cin_visit_seen', 'cinv_cin_visit_seen_alone'],
    ['ssd_cp_visits', 'cppv_cp_visit_id', 'cppv_cp_visit_date', 'cppv_cp_visit_seen', 'cppv_cp_visit_seen_alone'],
    ['ssd_cla_visits', 'clav_cla_visit_id', 'clav_cla_visit_date', 'clav_cla_visit_seen', 'clav_cla_visit_seen_alone'],
  ] as const) {
    for (const row of c[table]) {
      const d = b.date(row, datec);
      if (!d) continue;
      const seen = b.flag(row, seenc);
      const alone = b.flag(row, alonec);
      // No SSD table records how a visit was made: its mode is not recorded.
      b.push({ id: b.eventId(`visit-${rowId(row, idc)}`), type: 'visit', date: d, ...b.at(row, datec), mode: 'not-recorded', ...(seen !== undefined ? { childSeen: seen } : {}), ...(alone !== undefined ? { seenAlone: alone } : {}) });
    }
  }
  looked(b, c, claReviews);
  for (const row of c.ssd_missing) {
    const type = (row.cells.miss_missing_episode_type ?? '').trim().toUpperCase();
    if (type.startsWith('A')) continue; // away from placement without authorisation: not a missing episode
    if (!type.startsWith('M')) {
      b.problems.push(problem(row.at, 'miss_missing_episode_type', type === '' ? 'missing-value' : 'unknown-code', 'Not Missing or Away; the row is left out.', c.id));
      continue;
    }
    const start = b.date(row, 'miss_missing_episode_start_date');
    if (!start) continue;
    const bad = b.problems.length;
    const end = b.date(row, 'miss_missing_episode_end_date');
    if (b.problems.length > bad) continue;
    const episodeId = b.eventId(`missing-${rowId(row, 'miss_table_id')}`);
    b.push({ id: `${episodeId}-start`, type: 'missing-episode-started', date: start, ...b.at(row, 'miss_missing_episode_start_date'), episodeId });
    if (end) b.push({ id: `${episodeId}-end`, type: 'missing-episode-ended', date: end, ...b.at(row, 'miss_missing_episode_end_date'), episodeId });
  }
  let careLeaver = false;
  for (const row of c.ssd_care_leavers) {
    careLeaver = true;
    const d = (row.cells.clea_pathway_plan_review_date ?? '') === '' ? undefined : b.date(row, 'clea_pathway_plan_review_date');
    if (d) b.push({ id: b.eventId('pathway-plan-review-latest'), type: 'pathway-plan-review', date: d });
  }
  const snapshot: CaseSnapshot = { caseId: c.id, child: { dateOfBirth: dob, careLeaver }, events: b.events, supply: ssdSupply() };
  const worker = latestWorker(c);
  return { kind: 'snapshot', caseId: c.id, snapshot: worker ? { ...snapshot, worker } : snapshot, problems: b.problems, ...(b.dueDates.length > 0 ? { dueDates: b.dueDates } : {}) };
}

/** Periods of care, placements and looked-after reviews. */
function looked(b: Builder, c: SsdChild, claReviews: readonly CsvRow[]): void {
  const started = new Set<string>();
  for (const row of c.ssd_cla_episodes) {
    const claId = row.cells.clae_cla_id ?? '';
    const entered = b.date(row, 'clae_entered_care_date');
    if (entered && !started.has(`${claId}|${entered}`)) {
      started.add(`${claId}|${entered}`);
      const ls = LEGAL_STATUS[legalStatusOn(b, c.ssd_legal_status, entered)];
      b.push({ id: b.eventId(`care-${rowId(row, 'clae_cla_id')}-start`), type: 'became-looked-after', date: entered, ...(ls ? { legalStatus: ls } : {}) });
    }
    const ceased = b.date(row, 'clae_cla_episode_ceased_date');
    const reason = row.cells.clae_cla_episode_ceased_reason ?? '';
    if (ceased && reason !== EPISODE_CONTINUES) b.push({ id: b.eventId(`care-${rowId(row, 'clae_cla_id')}-ceased`), type: 'ceased-looked-after', date: ceased });
  }
  for (const row of c.ssd_cla_placement) {
    const start = b.date(row, 'clap_cla_placement_start_date');
    if (!start) continue;
    const code = (row.cells.clap_cla_placement_type ?? '').trim();
    const kind: PlacementKind | undefined = placementKind(code, legalStatusOn(b, c.ssd_legal_status, start));
    if (!kind) {
      b.problems.push(problem(row.at, 'clap_cla_placement_type', TEMPORARY_PLACEMENT.has(code) ? 'unmapped-code' : code === '' ? 'missing-value' : 'unknown-code', 'Not a placement type that maps to a placement kind; the placement is left out.', c.id));
      continue;
    }
    const placementId = `placement-${rowId(row, 'clap_cla_placement_id')}`;
    b.push({ id: b.eventId(`${placementId}-start`), type: 'placement-started', date: start, placementId, kind });
    const end = b.date(row, 'clap_cla_placement_end_date');
    if (end) b.push({ id: b.eventId(`${placementId}-end`), type: 'placement-ended', date: end, placementId });
  }
  for (const row of claReviews) {
    if (b.flag(row, 'clar_cla_review_cancelled') === true) continue;
    const d = b.date(row, 'clar_cla_review_date');
    const id = d ? b.eventId(`cla-review-${rowId(row, 'clar_cla_review_id')}`) : undefined;
    if (d && id) b.push({ id, type: 'looked-after-review', date: d });
    b.councilDue(row, 'clar_cla_review_due_date', 'looked-after-review', id);
  }
}

/** The professional of the latest involvement still open, else the latest. */
function latestWorker(c: SsdChild): string | undefined {
  let best: { start: string; open: boolean; id: string } | undefined;
  for (const row of c.ssd_involvements) {
    const id = row.cells.invo_professional_id ?? '';
    const start = (row.cells.invo_involvement_start_date ?? '').slice(0, 10);
    if (id === '' || id.length > 200 || start === '') continue;
    const open = (row.cells.invo_involvement_end_date ?? '') === '';
    if (!best || (open && !best.open) || (open === best.open && start > best.start)) best = { start, open, id };
  }
  return best?.id;
}
