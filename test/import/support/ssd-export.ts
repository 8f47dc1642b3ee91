import type { CaseEvent, CaseSnapshot, PlacementKind } from '../../../src/index.js';

/** SSD tables as CSV text, by table name. */
export type SsdTables = Record<string, string>;

type Row = Record<string, string>;

/** Placement kinds SSD can express, as the SSDA903 placement code an extract would carry. */
export const SSD_PLACEMENT_CODE: Partial<Record<PlacementKind, string>> = {
  foster: 'U6',
  'connected-person': 'U3',
  residential: 'K2',
  adoptive: 'A4',
  'placed-with-parents-interim-care-order': 'P1',
  'placed-with-parents-care-order': 'P1',
  'health-setting': 'R2',
  'young-offender-institution': 'R5',
  'residential-school': 'S1',
  other: 'Z1',
};

const LEGAL_CODE: Record<string, string> = { 'section-20': 'V2', 'interim-care-order': 'C1', 'care-order': 'C2', 'placement-order': 'E1', 'police-protection': 'L1', remand: 'J1', other: 'L2' };

/** A date-time as an SSD extract writes it: local wall-clock time, no offset. */
function when(e: { date: string; at?: string | undefined }): string {
  return e.at ? `${e.at.slice(0, 10)} ${e.at.slice(11, 19)}` : `${e.date} 00:00:00`;
}

function csv(rows: Row[], columns: readonly string[]): string {
  const cell = (v: string | undefined) => (v === undefined ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

const COLUMNS: Record<string, readonly string[]> = {
  ssd_person: ['pers_person_id', 'pers_dob'],
  ssd_cin_episodes: ['cine_referral_id', 'cine_person_id', 'cine_referral_date', 'cine_close_date'],
  ssd_cin_assessments: ['cina_assessment_id', 'cina_person_id', 'cina_assessment_start_date', 'cina_assessment_auth_date'],
  ssd_s47_enquiry: ['s47e_s47_enquiry_id', 's47e_person_id', 's47e_s47_start_date', 's47e_s47_end_date', 's47e_s47_nfa'],
  ssd_initial_cp_conference: ['icpc_icpc_id', 'icpc_s47_enquiry_id', 'icpc_person_id', 'icpc_icpc_target_date', 'icpc_icpc_date'],
  ssd_cp_plans: ['cppl_cp_plan_id', 'cppl_person_id', 'cppl_cp_plan_start_date', 'cppl_cp_plan_end_date'],
  ssd_cp_reviews: ['cppr_cp_review_id', 'cppr_person_id', 'cppr_cp_review_date'],
  ssd_cin_plans: ['cinp_cin_plan_id', 'cinp_person_id', 'cinp_cin_plan_start_date', 'cinp_cin_plan_end_date'],
  ssd_cin_visits: ['cinv_cin_visit_id', 'cinv_person_id', 'cinv_cin_visit_date', 'cinv_cin_visit_seen', 'cinv_cin_visit_seen_alone'],
  ssd_cla_episodes: ['clae_cla_episode_id', 'clae_person_id', 'clae_cla_episode_start_date', 'clae_cla_episode_start_reason', 'clae_cla_episode_ceased_date', 'clae_cla_episode_ceased_reason', 'clae_cla_id', 'clae_entered_care_date'],
  ssd_legal_status: ['lega_legal_status_id', 'lega_person_id', 'lega_legal_status', 'lega_legal_status_start_date', 'lega_legal_status_end_date'],
  ssd_cla_placement: ['clap_cla_placement_id', 'clap_cla_placement_start_date', 'clap_cla_placement_type', 'clap_cla_placement_end_date', 'clap_person_id'],
  ssd_cla_reviews: ['clar_cla_review_id', 'clar_cla_id', 'clar_cla_review_date', 'clar_cla_review_cancelled'],
  ssd_missing: ['miss_table_id', 'miss_person_id', 'miss_missing_episode_start_date', 'miss_missing_episode_type', 'miss_missing_episode_end_date'],
  ssd_care_leavers: ['clea_table_id', 'clea_person_id', 'clea_pathway_plan_review_date'],
};

const yn = (b: boolean | undefined) => (b === undefined ? '' : b ? 'Y' : 'N');

/**
 * Whether SSD can carry a snapshot's looked-after history as it stands: every placement kind has
 * a code, a placement with parents matches the legal status, and reviews fall inside care.
 */
export function ssdCanExpress(s: CaseSnapshot): boolean {
  let legal: string | undefined;
  let inCare = false;
  for (const e of [...s.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (e.type === 'became-looked-after') {
      legal = e.legalStatus;
      inCare = true;
    }
    if (e.type === 'ceased-looked-after') inCare = false;
    if (e.type === 'placement-started' || e.type === 'placement-changed') {
      if (e.kind === undefined) continue;
      if (SSD_PLACEMENT_CODE[e.kind] === undefined) return false;
      if (e.kind === 'placed-with-parents-interim-care-order' && legal !== 'interim-care-order') return false;
      if (e.kind === 'placed-with-parents-care-order' && legal !== 'care-order') return false;
    }
    if (e.type === 'looked-after-review' && !inCare) return false;
  }
  return true;
}

/**
 * Writes snapshots as the SSD tables a council's extract would hold: a test helper, since SSD has
 * no public sample data. Only what SSD can carry is written; visits lose their mode.
 */
export function exportSsd(snapshots: readonly CaseSnapshot[]): SsdTables {
  const t: Record<string, Row[]> = Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, []]));
  for (const s of snapshots) {
    const p = s.caseId;
    t.ssd_person!.push({ pers_person_id: p, pers_dob: `${s.child.dateOfBirth} 00:00:00` });
    const events = [...s.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const assessments = new Map<string, Row>();
    let s47: Row | undefined;
    let cpp: Row | undefined;
    let cinp: Row | undefined;
    let cla: Row | undefined;
    let legal: Row | undefined;
    const placements = new Map<string, Row>();
    const missing = new Map<string, Row>();
    let pathway: string | undefined;
    const add = (table: string, row: Row) => t[table]!.push(row);
    for (const e of events as CaseEvent[]) {
      switch (e.type) {
        case 'referral':
          add('ssd_cin_episodes', { cine_referral_id: e.id, cine_person_id: p, cine_referral_date: when(e) });
          break;
        case 'case-closed':
          add('ssd_cin_episodes', { cine_referral_id: e.id, cine_person_id: p, cine_close_date: when(e) });
          break;
        case 'assessment-started':
        case 'assessment-authorised': {
          const key = e.assessmentId ?? e.id;
          let row = assessments.get(key);
          if (!row) {
            row = { cina_assessment_id: key, cina_person_id: p };
            assessments.set(key, row);
            add('ssd_cin_assessments', row);
          }
          row[e.type === 'assessment-started' ? 'cina_assessment_start_date' : 'cina_assessment_auth_date'] = when(e);
          break;
        }
        case 'section-47-started':
          s47 = { s47e_s47_enquiry_id: e.id, s47e_person_id: p, s47e_s47_start_date: when(e) };
          add('ssd_s47_enquiry', s47);
          break;
        case 'section-47-concluded':
          if (s47 && s47.s47e_s47_end_date === undefined) Object.assign(s47, { s47e_s47_end_date: when(e), s47e_s47_nfa: e.conferenceRequired === false ? 'Y' : 'N' });
          break;
        case 'initial-child-protection-conference':
          add('ssd_initial_cp_conference', { icpc_icpc_id: e.id, icpc_s47_enquiry_id: s47?.s47e_s47_enquiry_id ?? '', icpc_person_id: p, icpc_icpc_date: when(e) });
          break;
        case 'child-protection-plan-started':
          cpp = { cppl_cp_plan_id: e.id, cppl_person_id: p, cppl_cp_plan_start_date: when(e) };
          add('ssd_cp_plans', cpp);
          break;
        case 'child-protection-plan-ended':
          if (cpp && cpp.cppl_cp_plan_end_date === undefined) cpp.cppl_cp_plan_end_date = when(e);
          else add('ssd_cp_plans', { cppl_cp_plan_id: e.id, cppl_person_id: p, cppl_cp_plan_end_date: when(e) });
          break;
        case 'review-child-protection-conference':
          add('ssd_cp_reviews', { cppr_cp_review_id: e.id, cppr_person_id: p, cppr_cp_review_date: when(e) });
          break;
        case 'child-in-need-plan-started':
          cinp = { cinp_cin_plan_id: e.id, cinp_person_id: p, cinp_cin_plan_start_date: when(e) };
          add('ssd_cin_plans', cinp);
          break;
        case 'child-in-need-plan-ended':
          if (cinp && cinp.cinp_cin_plan_end_date === undefined) cinp.cinp_cin_plan_end_date = when(e);
          else add('ssd_cin_plans', { cinp_cin_plan_id: e.id, cinp_person_id: p, cinp_cin_plan_end_date: when(e) });
          break;
        case 'visit':
          add('ssd_cin_visits', { cinv_cin_visit_id: e.id, cinv_person_id: p, cinv_cin_visit_date: when(e), cinv_cin_visit_seen: yn(e.childSeen), cinv_cin_visit_seen_alone: yn(e.seenAlone) });
          break;
        case 'became-looked-after':
          cla = { clae_cla_episode_id: e.id, clae_person_id: p, clae_cla_episode_start_date: when(e), clae_cla_episode_start_reason: 'S', clae_cla_id: `${p}-${e.id}`, clae_entered_care_date: when(e) };
          add('ssd_cla_episodes', cla);
          if (e.legalStatus) {
            legal = { lega_legal_status_id: e.id, lega_person_id: p, lega_legal_status: LEGAL_CODE[e.legalStatus]!, lega_legal_status_start_date: when(e) };
            add('ssd_legal_status', legal);
          }
          break;
        case 'ceased-looked-after':
          if (cla && cla.clae_cla_episode_ceased_date === undefined) Object.assign(cla, { clae_cla_episode_ceased_date: when(e), clae_cla_episode_ceased_reason: 'E11' });
          if (legal && legal.lega_legal_status_end_date === undefined) legal.lega_legal_status_end_date = when(e);
          break;
        case 'placement-started': {
          const row = { clap_cla_placement_id: e.placementId, clap_cla_placement_start_date: when(e), clap_cla_placement_type: SSD_PLACEMENT_CODE[e.kind] ?? 'T0', clap_person_id: p };
          placements.set(e.placementId, row);
          add('ssd_cla_placement', row);
          break;
        }
        case 'placement-ended': {
          const row = placements.get(e.placementId);
          if (row) row.clap_cla_placement_end_date = when(e);
          break;
        }
        case 'looked-after-review':
          add('ssd_cla_reviews', { clar_cla_review_id: e.id, clar_cla_id: cla?.clae_cla_id ?? 'none', clar_cla_review_date: when(e), clar_cla_review_cancelled: 'N' });
          break;
        case 'missing-episode-started': {
          const row = { miss_table_id: e.episodeId, miss_person_id: p, miss_missing_episode_start_date: when(e), miss_missing_episode_type: 'Missing' };
          missing.set(e.episodeId, row);
          add('ssd_missing', row);
          break;
        }
        case 'missing-episode-ended': {
          const row = missing.get(e.episodeId);
          if (row) row.miss_missing_episode_end_date = when(e);
          break;
        }
        case 'pathway-plan-review':
          pathway = when(e);
          break;
        default:
          break;
      }
    }
    if (s.child.careLeaver === true) add('ssd_care_leavers', { clea_table_id: p, clea_person_id: p, clea_pathway_plan_review_date: pathway ?? '' });
  }
  return Object.fromEntries(Object.entries(COLUMNS).map(([table, columns]) => [table, csv(t[table]!, columns)]));
}
