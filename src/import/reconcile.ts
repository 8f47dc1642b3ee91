import { createCalendar, englandAndWales, evaluateValidated, findRule, getRuleSet, type EvaluateOptions, type RuleSet, type WorkingDayCalendar } from '../index.js';
import { formatIsoDate, tryParseIsoDate } from '../calendar/day-number.js';
import type { CouncilDueDate, ImportResult, Origin } from './problem.js';

/** Where the council's own due date differs from ours, and why. */
export interface Reconciliation {
  readonly caseId: string;
  readonly ruleId: string;
  /** The column or element the council's date was read from, and where. */
  readonly field: string;
  readonly at: Origin;
  /** The event both dates count from. */
  readonly anchor: { readonly eventId: string; readonly date: string };
  readonly ours: string;
  readonly theirs: string;
  /** Working days from our due date to theirs: positive when theirs is later. */
  readonly workingDays: number;
  readonly reason: string;
}

const weekdaysOnly = createCalendar({ id: 'weekdays-only' });

function addDays(iso: string, n: number): string {
  return formatIsoDate(tryParseIsoDate(iso)! + n);
}

function signedWorkingDays(cal: WorkingDayCalendar, from: string, to: string): number {
  return from <= to ? cal.workingDaysBetween(from, to) : -cal.workingDaysBetween(to, from);
}

/** Bank holidays strictly after `from` up to `to`, as `date (name)`. */
function holidaysBetween(cal: WorkingDayCalendar, from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const h of cal.holidays(y)) if (h.date > from && h.date <= to) out.push(`${h.date} (${h.name})`);
  }
  return out;
}

/** Why a council's date differs from ours, when the difference is one we recognise. */
function why(cal: WorkingDayCalendar, anchor: string, ours: string, theirs: string, workingDays: number | undefined): string {
  if (workingDays !== undefined) {
    if (weekdaysOnly.addWorkingDays(anchor, workingDays) === theirs) {
      const missed = holidaysBetween(cal, anchor, ours);
      return `the council's system counts weekdays without bank holidays${missed.length > 0 ? `: ${missed.join(', ')} ${missed.length === 1 ? 'was a bank holiday' : 'were bank holidays'}` : ''}`;
    }
    if (cal.addWorkingDays(anchor, workingDays - 1) === theirs) return "the council's system counts the day the clock starts as day one";
    if (addDays(anchor, workingDays) === theirs) return "the council's system counts calendar days, not working days";
  }
  return `the dates differ by ${Math.abs(signedWorkingDays(cal, ours, theirs))} working days, for a reason not recognised`;
}

/**
 * Compares the due dates a council's own system recorded with the engine's, child by child:
 * one row for each that differs, with why where the difference is recognised (a bank holiday the
 * system did not count, calendar days counted for working days, the start day counted).
 */
export function reconcile(result: ImportResult, options: EvaluateOptions): Reconciliation[] {
  if (result.kind !== 'snapshot' || !result.dueDates || result.dueDates.length === 0) return [];
  const cal = options.calendar ?? englandAndWales();
  const set: RuleSet = typeof options.ruleSet === 'string' ? getRuleSet(options.ruleSet) : options.ruleSet;
  const report = evaluateValidated(result.snapshot, { ...options, calendar: cal });
  const out: Reconciliation[] = [];
  for (const d of result.dueDates) {
    for (const o of report.obligations) {
      if (o.anchor?.eventId !== d.anchorEventId || o.due === null) continue;
      const { rule } = findRule(set, o.ruleId);
      if (rule.kind !== 'deadline' || !(rule.satisfiedBy.events ?? []).some((s) => (Array.isArray(s.type) ? s.type : [s.type]).includes(d.evidence))) continue;
      const ours = o.due.slice(0, 10);
      if (ours === d.due) continue;
      out.push(row(result.caseId, o.ruleId, d, o.anchor.date, ours, cal, rule.due.workingDays));
    }
  }
  return out;
}

function row(caseId: string, ruleId: string, d: CouncilDueDate, anchor: string, ours: string, cal: WorkingDayCalendar, workingDays: number | undefined): Reconciliation {
  return {
    caseId,
    ruleId,
    field: d.field,
    at: d.at,
    anchor: { eventId: d.anchorEventId, date: anchor },
    ours,
    theirs: d.due,
    workingDays: signedWorkingDays(cal, ours, d.due),
    reason: why(cal, anchor, ours, d.due, workingDays),
  };
}
