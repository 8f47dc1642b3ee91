import { ruleKind } from '../../../src/rules/kinds/index.js';
import type { Rule } from '../../../src/rules/rule-schema.js';
import { roleName, withArticle } from '../../../src/rules/vocabulary.js';
import { isoDate } from './iso-text.js';
import type { Lateness, ObligationStatus } from './obligation.js';
import type { Outcome } from './outcome.js';

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "4 working days", or hours for hour-based rules, or calendar days when no working day passed. */
export function lateText(l: Lateness): string {
  if (l.hours !== undefined) return plural(l.hours, 'hour');
  if (l.workingDays > 0) return plural(l.workingDays, 'working day');
  return plural(l.calendarDays, 'calendar day');
}


const duties = new WeakMap<Rule, string>();

/** The duty and its citation, e.g. "a child in need must be visited … (Leeds …, Visiting …)." */
function dutyOf(rule: Rule): string {
  let duty = duties.get(rule);
  if (duty === undefined) {
    duty = `${rule.requirement} (${rule.cite.document}, ${rule.cite.section}).`;
    duties.set(rule, duty);
  }
  return duty;
}

/**
 * One or two sentences a team manager can act on, citing the standard. Names the case id and
 * dates only: never a name or free text from the snapshot.
 */
export function explain(
  caseId: string,
  rule: Rule,
  o: Outcome,
  status: ObligationStatus,
  due: string | null,
  lateness: Lateness | null,
  asOf: number,
): string {
  if (status === 'not-applicable') return `Not applicable (case ${caseId}): ${o.reason}.`;
  const duty = dutyOf(rule);
  // The due date as written, with why it stands on (or moved from) a weekend or bank holiday.
  const by = o.due?.note ? `${due} (${o.due.note})` : due;
  const evidence = ruleKind(rule).evidence(rule);
  const anchorDate = o.anchor ? isoDate(o.anchor.day) : '';
  const from = o.anchor ? (o.anchorIsLastMet ? `the last ${evidence} on ${anchorDate}` : `the ${o.anchor.label} on ${anchorDate}`) : '';
  const alert = rule.escalateTo && (status === 'overdue' || status === 'met-late') ? ` Alert the ${roleName(rule.escalateTo)}.` : '';
  switch (status) {
    case 'overdue': {
      const head = `Overdue by ${lateText(lateness!)} (case ${caseId}): ${duty}`;
      if (o.shortfall) return `${head} Between ${anchorDate} and ${due} there were only ${o.shortfall}.${alert}`;
      const none = o.endedOn ? `none was recorded before the ${o.endedOn.label} on ${isoDate(o.endedOn.day)}` : `none is recorded up to ${isoDate(asOf)}`;
      if (o.anchorIsLastMet) return `${head} The last ${evidence} was on ${anchorDate}, so the next was due by ${by}; ${none}.${alert}`;
      return `${head} The ${o.anchor!.label} was on ${anchorDate}, so ${withArticle(evidence)} was due by ${by}; ${none}.${alert}`;
    }
    case 'met-late':
      return `Met late by ${lateText(lateness!)} (case ${caseId}): ${duty} It was due by ${by}, counted from ${from}; the ${evidence} was on ${isoDate(o.satisfied!.day)}.${alert}`;
    case 'met':
      return `Met (case ${caseId}): ${duty} It was due by ${by}; the ${evidence} was on ${isoDate(o.satisfied!.day)}.`;
    case 'excepted':
      return `Met under a recorded exception (case ${caseId}): ${duty} The earliest date recorded was ${due}; the ${evidence} was on ${isoDate(o.satisfied!.day)}.`;
    case 'due':
      return `Due by ${by} (case ${caseId}): ${duty} Counted from ${from}${o.shortfall ? `; so far ${o.shortfall}` : ''}.`;
    case 'unknown':
      return `Cannot be worked out (case ${caseId}): ${o.reason}. ${duty}`;
  }
}
