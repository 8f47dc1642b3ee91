import { createCalendar, englandAndWales, evaluateValidated, findRule, getRuleSet, type EvaluateOptions, type Obligation, type Rule, type RuleSet, type WorkingDayCalendar } from '../index.js';
import { formatIsoDate, tryParseIsoDate } from '../calendar/day-number.js';
import type { CouncilDueDate, ImportResult, Origin } from './problem.js';

/** Where the council's own due date differs from ours, and why. */
export interface Reconciliation {
  readonly caseId: string;
  readonly ruleId: string;
  /** The column or element the council's date was read from, and where. */
  readonly field: string;
  readonly at: Origin;
  /** The event our due date counts from (empty when the duty has none). */
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

/** The name of a bank holiday on a date, or undefined for a working day or a weekend. */
function holidayOn(cal: WorkingDayCalendar, iso: string): string | undefined {
  return cal.holidays(Number(iso.slice(0, 4))).find((h) => h.date === iso)?.name;
}

function nonWorkingDay(cal: WorkingDayCalendar, iso: string): string {
  const name = holidayOn(cal, iso);
  return name === undefined ? `${iso} is a weekend` : `${iso} is a bank holiday (${name})`;
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
  // A due date in months may fall on a day the service is closed: systems move it, one way or the other.
  if (!cal.isWorkingDay(ours) && Math.abs(signedWorkingDays(cal, ours, theirs)) <= 1 && cal.isWorkingDay(theirs)) {
    return `our due date ${nonWorkingDay(cal, ours)}; the council's system moves it to the working day ${theirs < ours ? 'before' : 'after'}`;
  }
  if (!cal.isWorkingDay(theirs)) return `the council's due date ${nonWorkingDay(cal, theirs)}, which the council's system did not avoid`;
  return `the dates differ by ${Math.abs(signedWorkingDays(cal, ours, theirs))} working days, for a reason not recognised`;
}

/** Whether a rule is met by events of a type. */
function metBy(rule: Rule, type: string): boolean {
  if (!('satisfiedBy' in rule)) return false;
  return (rule.satisfiedBy.events ?? []).some((s) => (Array.isArray(s.type) ? s.type : [s.type]).includes(type));
}

/** The obligations a council's due date is for: by the event it counts from, the event that met it, or the duty still open. */
function matching(d: CouncilDueDate, obligations: readonly Obligation[], set: RuleSet): { o: Obligation; rule: Rule }[] {
  const out: { o: Obligation; rule: Rule }[] = [];
  const lastOpen = new Map<string, Obligation>();
  for (const o of obligations) {
    if (o.due === null) continue;
    const { rule } = findRule(set, o.ruleId);
    if (!metBy(rule, d.evidence)) continue;
    if (d.anchorEventId !== undefined) {
      if (rule.kind === 'deadline' && o.anchor?.eventId === d.anchorEventId) out.push({ o, rule });
    } else if (d.metByEventId !== undefined) {
      if (o.satisfiedBy?.eventId === d.metByEventId) out.push({ o, rule });
    } else if (o.satisfiedBy === null && (o.status === 'due' || o.status === 'overdue')) {
      lastOpen.set(o.ruleId, o);
    }
  }
  for (const o of lastOpen.values()) out.push({ o, rule: findRule(set, o.ruleId).rule });
  return out;
}

/**
 * Compares the due dates a council's own system recorded with the engine's, child by child:
 * one row for each that differs, with why where the difference is recognised (a bank holiday the
 * system did not count, calendar days counted for working days, the start day counted, a due
 * date moved off a weekend or bank holiday). Initial conference targets are matched by the
 * enquiry they count from; review due dates by the review that met them, or, for a review not
 * yet held, by the duty still open.
 */
export function reconcile(result: ImportResult, options: EvaluateOptions): Reconciliation[] {
  if (result.kind !== 'snapshot' || !result.dueDates || result.dueDates.length === 0) return [];
  const cal = options.calendar ?? englandAndWales();
  const set: RuleSet = typeof options.ruleSet === 'string' ? getRuleSet(options.ruleSet) : options.ruleSet;
  const report = evaluateValidated(result.snapshot, { ...options, calendar: cal });
  const out: Reconciliation[] = [];
  for (const d of result.dueDates) {
    for (const { o, rule } of matching(d, report.obligations, set)) {
      const ours = o.due!.slice(0, 10);
      if (ours === d.due) continue;
      const anchor = { eventId: o.anchor?.eventId ?? '', date: o.anchor?.date ?? '' };
      out.push(row(result.caseId, o.ruleId, d, anchor, ours, cal, rule.kind === 'deadline' && anchor.date !== '' ? rule.due.workingDays : undefined));
    }
  }
  return out;
}

function row(caseId: string, ruleId: string, d: CouncilDueDate, anchor: { eventId: string; date: string }, ours: string, cal: WorkingDayCalendar, workingDays: number | undefined): Reconciliation {
  return {
    caseId,
    ruleId,
    field: d.field,
    at: d.at,
    anchor,
    ours,
    theirs: d.due,
    workingDays: signedWorkingDays(cal, ours, d.due),
    reason: why(cal, anchor.date, ours, d.due, workingDays),
  };
}
