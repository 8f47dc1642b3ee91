import type { Obligation, Report } from '../../engine/obligation.js';
import type { Rejection } from '../pipeline.js';
import type { Cell } from './csv.js';

/**
 * One obligation as a JSON Lines row: the obligation with the case's team and worker. The
 * working (`trace`) and the verbatim quote are left out unless asked for (`--trace`): they are
 * the same for every child and would make the output several times larger.
 */
export function obligationJson(report: Report, o: Obligation, trace: boolean): Record<string, unknown> {
  const { trace: steps, cite, caseId, ...rest } = o;
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
