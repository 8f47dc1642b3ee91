import type { Obligation, ObligationStatus, Report } from '../../engine/obligation.js';
import type { RuleInSet } from '../../index.js';
import type { Rejection } from '../pipeline.js';
import type { Cell } from './csv.js';

/**
 * The statuses whose compact rows carry the engine's explanation: the open duties (what is
 * overdue or due and why, what fact is missing) and the exceptions. A met obligation's row says
 * all its sentence would (due, met on, how late) in its fields; `--detail full` adds the sentence.
 */
export const EXPLAINED: ReadonlySet<ObligationStatus> = new Set(['overdue', 'due', 'unknown', 'excepted']);

/**
 * A case's obligations as one compact JSON Lines row (`row: "case"`): the case, its counts by
 * status (not-applicable rules counted, not listed) and the obligations shown, each with the
 * CSV's column names for its rule, instance, status, due date, the date it was met and lateness, and the explanation where
 * {@link EXPLAINED}. Rules are cited by `ruleId`, which a `row: "rule"` row earlier in the same
 * output resolves to the rule set, title and citation (see {@link ruleJson}).
 */
export function caseJson(report: Report, list: readonly Obligation[]): Record<string, unknown> {
  return {
    row: 'case',
    caseId: report.caseId,
    ...(report.subject === 'worker' ? { subject: 'worker' } : {}),
    team: report.team ?? null,
    worker: report.worker ?? null,
    counts: report.counts,
    ...(report.provisionalFrom !== null ? { provisionalFrom: report.provisionalFrom } : {}),
    obligations: list.map(compactObligation),
  };
}

function compactObligation(o: Obligation): Record<string, unknown> {
  const row: Record<string, unknown> = { ruleId: o.ruleId, instance: o.instance, status: o.status, due: o.due };
  if (o.satisfiedBy) row.satisfiedOn = o.satisfiedBy.date;
  if (o.lateness) {
    row.lateWorkingDays = o.lateness.workingDays;
    row.lateCalendarDays = o.lateness.calendarDays;
    if (o.lateness.hours !== undefined) row.lateHours = o.lateness.hours;
  }
  if (o.provisional) row.provisional = true;
  if (o.escalateTo !== undefined && (o.status === 'overdue' || o.status === 'met-late')) row.escalateTo = o.escalateTo;
  if (EXPLAINED.has(o.status)) row.explanation = o.explanation;
  return row;
}

/**
 * A rule as a JSON Lines row (`row: "rule"`), written once, before the first case row that cites
 * it: its set, area, title and full citation (document, section, the verbatim quote, and the
 * source's address where the rule set gives one).
 */
export function ruleJson({ rule, ruleSet }: RuleInSet): Record<string, unknown> {
  const { document, section, quote, url } = rule.cite;
  return { row: 'rule', ruleId: rule.id, ruleSet: ruleSet.id, area: rule.area, title: rule.title, cite: { document, section, quote, ...(url === undefined ? {} : { url }) } };
}

/**
 * One obligation as a JSON Lines row: the obligation with the case's team and worker. The
 * working (`trace`) and the verbatim quote are left out unless asked for (`--trace`): they are
 * the same for every child and would make the output several times larger.
 */
export function obligationJson(report: Report, o: Obligation, trace: boolean): Record<string, unknown> {
  // The engine writes an obligation's explanation and trace when first read, on its prototype,
  // and a rest pattern copies own fields only: take the plain object the report serialises to.
  const plain: Obligation = 'toJSON' in o && typeof o.toJSON === 'function' ? (o.toJSON() as Obligation) : o;
  const { trace: steps, cite, caseId, ...rest } = plain;
  return {
    row: 'obligation',
    caseId,
    team: report.team ?? null,
    worker: report.worker ?? null,
    ...rest,
    cite: trace ? cite : { document: cite.document, section: cite.section },
    ...(trace ? { trace: steps } : {}),
  };
}

/** A rejected record as a JSON Lines row. */
export function rejectionJson(r: Rejection): Record<string, unknown> {
  return { row: 'error', line: r.line, caseId: r.caseId ?? null, problems: r.problems };
}

/** An evaluated record's warnings (fields ignored) as a JSON Lines row. */
export function warningJson(w: Rejection): Record<string, unknown> {
  return { row: 'warning', line: w.line, caseId: w.caseId ?? null, problems: w.problems };
}

/** The columns of `evaluate --format csv` (and of validate's CSV error rows). */
export const CSV_COLUMNS = [
  'row',
  'caseId',
  'team',
  'worker',
  'ruleId',
  'ruleSet',
  'area',
  'title',
  'instance',
  'status',
  'due',
  'anchorDate',
  'anchorEventId',
  'anchor',
  'satisfiedOn',
  'satisfiedByEventId',
  'lateWorkingDays',
  'lateCalendarDays',
  'lateHours',
  'escalateTo',
  'provisional',
  'decides',
  'citeDocument',
  'citeSection',
  'explanation',
  'line',
  'problemCode',
  'problemPath',
  'problemLine',
  'problemMessage',
] as const;

/** One obligation as a CSV row, in {@link CSV_COLUMNS} order. */
export function obligationCsv(report: Report, o: Obligation): Cell[] {
  return [
    'obligation',
    o.caseId,
    report.team,
    report.worker,
    o.ruleId,
    o.ruleSet,
    o.area,
    o.title,
    o.instance,
    o.status,
    o.due,
    o.anchor?.date,
    o.anchor?.eventId,
    o.anchor?.label,
    o.satisfiedBy?.date,
    o.satisfiedBy?.eventId,
    o.lateness?.workingDays,
    o.lateness?.calendarDays,
    o.lateness?.hours,
    o.escalateTo,
    o.provisional,
    o.comparison?.decides,
    o.cite.document,
    o.cite.section,
    o.explanation,
    ...Array<Cell>(5).fill(undefined),
  ];
}

/** A rejected record as CSV rows, one per problem, in {@link CSV_COLUMNS} order. */
export function rejectionCsv(r: Rejection, row = 'error'): Cell[][] {
  const blanks = Array<Cell>(CSV_COLUMNS.length - 7).fill(undefined);
  return r.problems.map((p) => [row, r.caseId, ...blanks, r.line, p.code, p.path, p.line, p.message]);
}

/** An evaluated record's warnings as CSV rows (`warning`), one per problem, in {@link CSV_COLUMNS} order. */
export function warningCsv(w: Rejection): Cell[][] {
  return rejectionCsv(w, 'warning');
}
