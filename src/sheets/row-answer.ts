import { formatIsoDate } from '../calendar/day-number.js';
import { evaluateRule, type Lateness, type ObligationStatus, type RuleSet } from '../index.js';
import type { IndexedRule } from './rule-index.js';
import { ROW_CASE_ID, rowSnapshot, type RowDays } from './row-snapshot.js';

/** The engine's answer for one row. */
export interface RowAnswer {
  readonly status: ObligationStatus;
  /** `YYYY-MM-DD`, or null when there is no due date (not applicable, unknown). */
  readonly due: string | null;
  readonly lateness: Lateness | null;
  /** The engine's explanation, then every assumption the row made. */
  readonly explanation: string;
}

const CASE_MENTION = ` (case ${ROW_CASE_ID})`;

function within(p: { from: string; to?: string | undefined }, asOf: string): boolean {
  return p.from <= asOf && (p.to === undefined || asOf <= p.to);
}

function period(p: { from: string; to?: string | undefined }): string {
  return p.to === undefined ? `from ${p.from}` : `from ${p.from} to ${p.to}`;
}

/**
 * Evaluates a row with the engine: the row's snapshot under the rule's own set (and what it
 * extends), as of the row's date, and the last instance the rule gives (for a recurring duty,
 * the one after the last time it was done).
 * @throws TimescaleError or SnapshotError from the engine (a date outside the calendar).
 */
export function answerRow(entry: IndexedRule, row: RowDays, extra: Readonly<Record<string, RuleSet>> | undefined): RowAnswer {
  const { rule, ruleSet } = entry;
  const asOf = formatIsoDate(row.asOf);
  const { snapshot, assumptions } = rowSnapshot(rule, row);
  const found = evaluateRule(snapshot, rule.id, { ruleSet, asOf, ...(extra ? { ruleSets: extra } : {}) });
  const o = found.at(-1);
  if (!o) {
    // The engine leaves out a rule not in force on the as-of date.
    const p = !within(ruleSet.inForce, asOf) ? ruleSet.inForce : rule.inForce!;
    return { status: 'not-applicable', due: null, lateness: null, explanation: `Not applicable: ${rule.id} is not in force on ${asOf} (in force ${period(p)}).` };
  }
  const said = o.explanation.replace(CASE_MENTION, '');
  const explanation = assumptions.length ? `${said} Read from the row, assuming ${assumptions.join('; ')}.` : said;
  return { status: o.status, due: o.due === null ? null : o.due.slice(0, 10), lateness: o.lateness, explanation };
}
