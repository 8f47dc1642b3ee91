import { expect } from 'vitest';
import { evaluate, type Obligation, type Report } from '../../../src/index.js';

/** An event in a snapshot: `ev('visit', 'v1', '2024-03-04', { mode: 'in-person' })`. */
export type Ev = { type: string; id: string; date: string } & Record<string, unknown>;

/** An event of any type. */
export function ev(type: string, id: string, date: string, fields: Record<string, unknown> = {}): Ev {
  return { type, id, date, ...fields };
}

/** A visit, in person unless `fields` says otherwise. */
export function visit(id: string, date: string, fields: Record<string, unknown> = {}): Ev {
  return ev('visit', id, date, { mode: 'in-person', ...fields });
}

/** A case snapshot for a child born 2012-03-15 unless `child` says otherwise. */
export function snapshot(events: Ev[], extra: { child?: Record<string, unknown> } & Record<string, unknown> = {}): Record<string, unknown> {
  const { child, ...rest } = extra;
  return { caseId: 'case-WB1', child: { dateOfBirth: '2012-03-15', ...child }, events, ...rest };
}

/** Evaluates a snapshot against a shipped rule set as of a date. */
export function run(ruleSet: 'england-statutory' | 'west-berkshire' | 'leeds-2023', events: Ev[], asOf: string, extra: Parameters<typeof snapshot>[1] = {}): Report {
  return evaluate(snapshot(events, extra), { ruleSet, asOf });
}

/** The obligations of one rule, in instance order. */
export function of(report: Report, ruleId: string): Obligation[] {
  return report.obligations.filter((o) => o.ruleId === ruleId);
}

/** The one obligation of a rule (fails when there is not exactly one). */
export function one(report: Report, ruleId: string): Obligation {
  const found = of(report, ruleId);
  expect(found.map((o) => `${o.status} ${o.due}`), `obligations of ${ruleId}`).toHaveLength(1);
  return found[0]!;
}

/** Status, due date and satisfying event of each instance, compactly: `met 2024-03-11 by v1`. */
export function summary(report: Report, ruleId: string): string[] {
  return of(report, ruleId).map((o) => `${o.status} ${o.due ?? '-'}${o.satisfiedBy ? ` by ${o.satisfiedBy.eventId}` : ''}`);
}

/** Evaluates and summarises one rule: the shortest way to state a scenario. */
export function check(ruleSet: 'england-statutory' | 'west-berkshire', ruleId: string, events: Ev[], asOf: string, extra: Parameters<typeof snapshot>[1] = {}): string[] {
  return summary(run(ruleSet, events, asOf, extra), ruleId);
}
