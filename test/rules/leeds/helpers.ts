import { evaluate, type Obligation, type Report } from '../../../src/index.js';

/** An event in a snapshot. */
export type Ev = { type: string; id: string; date: string } & Record<string, unknown>;

/** `ev('referral', 'r1', '2023-12-20')`, with any extra fields. */
export function ev(type: string, id: string, date: string, fields: Record<string, unknown> = {}): Ev {
  return { type, id, date, ...fields };
}

/** An in-person visit where the child was seen. */
export function visit(id: string, date: string, fields: Record<string, unknown> = {}): Ev {
  return ev('visit', id, date, { mode: 'in-person', ...fields });
}

/** A child's case snapshot (child born 2012-03-15 unless `child` is given). */
export function child(events: Ev[], extra: { child?: Record<string, unknown>; variations?: unknown[]; schoolTerms?: unknown } = {}): Record<string, unknown> {
  return { caseId: 'leeds-case-1', ...extra, child: { dateOfBirth: '2012-03-15', ...extra.child }, events };
}

/** A worker's supervision record. */
export function worker(role: string, startedOn: string, events: Ev[], periods?: { kind: string; start: string; end: string }[]): Record<string, unknown> {
  return { workerId: 'leeds-worker-1', role, startedOn, events, ...(periods ? { periods } : {}) };
}

/** Evaluates against the Leeds rule set (which brings in the national baseline it extends). */
export function leeds(snapshot: unknown, asOf: string): Report {
  return evaluate(snapshot, { ruleSet: 'leeds-2023', asOf });
}

/** The obligations of one rule, in instance order. */
export function of(report: Report, ruleId: string): Obligation[] {
  return report.obligations.filter((o) => o.ruleId === ruleId);
}

/** Each instance of a rule as `status due [by eventId]`, for compact assertions. */
export function summary(report: Report, ruleId: string): string[] {
  return of(report, ruleId).map((o) => `${o.status} ${o.due ?? '-'}${o.satisfiedBy ? ` by ${o.satisfiedBy.eventId}` : ''}`);
}

/** Shorthand: evaluate as of a date and summarise one rule. */
export function check(ruleId: string, snapshot: unknown, asOf: string): string[] {
  return summary(leeds(snapshot, asOf), ruleId);
}
