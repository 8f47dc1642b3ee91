import { evaluate, parseRuleSet, type Obligation, type Report, type RuleSet } from '../../src/index.js';

/** A citation for test rules: a distinctive document name so explanations can be checked for it. */
export const CITE = { document: 'Test Practice Standards', section: 'Visiting Timescales', quote: 'Children are visited.' } as const;

type RuleInput = Record<string, unknown> & { id: string; kind: string };

/** Fills in the fields every rule needs so tests only write what they are about. */
export function rule(r: RuleInput): RuleInput {
  return { area: 'visits', title: r.id, requirement: 'the child must be visited', cite: CITE, ...r };
}

/** A small rule set written in a test, validated by the real schema. */
export function ruleSet(rules: RuleInput[], extra: Record<string, unknown> = {}): RuleSet {
  return parseRuleSet({ id: 'test-set', title: 'Test set', authority: 'Test Council', source: 'test', inForce: { from: '2000-01-01' }, rules, ...extra });
}

/** An event in a snapshot. */
export type Ev = { type: string; id: string; date: string } & Record<string, unknown>;

/** `ev('visit', 'v1', '2024-03-04', { mode: 'in-person' })`. */
export function ev(type: string, id: string, date: string, fields: Record<string, unknown> = {}): Ev {
  return { type, id, date, ...fields };
}

/** An in-person visit. */
export function visit(id: string, date: string, fields: Record<string, unknown> = {}): Ev {
  return ev('visit', id, date, { mode: 'in-person', ...fields });
}

/** A case snapshot for a child born 2015-06-01 unless `child` says otherwise. */
export function snapshot(events: Ev[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { caseId: 'case-T1', child: { dateOfBirth: '2015-06-01' }, events, ...extra };
}

/** Evaluates a snapshot against test rules. */
export function run(rules: RuleInput[] | RuleSet, snap: unknown, asOf: string): Report {
  const set = Array.isArray(rules) ? ruleSet(rules) : rules;
  return evaluate(snap, { ruleSet: set, asOf });
}

/** The obligations of one rule, in instance order. */
export function of(report: Report, ruleId: string): Obligation[] {
  return report.obligations.filter((o) => o.ruleId === ruleId);
}

/** The one obligation of a rule (fails when there is not exactly one). */
export function one(report: Report, ruleId: string): Obligation {
  const found = of(report, ruleId);
  if (found.length !== 1) throw new Error(`expected one obligation for ${ruleId}, found ${found.length}: ${found.map((o) => o.status).join(', ')}`);
  return found[0]!;
}

/** Status, due date and satisfying event of each instance, compactly. */
export function summary(report: Report, ruleId: string): string[] {
  return of(report, ruleId).map((o) => `${o.status} ${o.due ?? '-'}${o.satisfiedBy ? ` by ${o.satisfiedBy.eventId}` : ''}`);
}
