import type { CaseEvent } from '../../schemas/events.js';
import type { CaseSnapshot } from '../../schemas/case-snapshot.js';
import { isoDatePart } from '../dates.js';
import { problem, type CouncilDueDate, type ImportProblem, type ImportResult } from '../problem.js';
import { child, children, textOf, type XmlNode } from '../xml-records.js';
import { cinCensusSupply } from './supply.js';

/** Reads a date element; a blank or absent one is undefined, a bad one a problem. */
function dateAt(node: XmlNode, name: string, file: string, id: string | undefined, problems: ImportProblem[], birth = false): string | undefined {
  const el = child(node, name);
  if (!el) return undefined;
  return isoDatePart(el.text.trim(), { file, element: el.path }, name, id, problems, birth);
}

/**
 * One `Child` of the census as a snapshot. Episodes (`CINdetails`) and what they hold carry no
 * ids, so they are numbered by position: `cin2-s47-1` is the first section 47 enquiry of the
 * child's second episode, the same on every import of the same file.
 */
export function buildCinChild(node: XmlNode, file: string): ImportResult {
  const problems: ImportProblem[] = [];
  const ids = child(node, 'ChildIdentifiers');
  const id = ids ? textOf(ids, 'LAchildID') : '';
  if (!ids || id === '' || id.length > 200) {
    problems.push(problem({ file, element: ids?.path ?? node.path }, 'LAchildID', 'missing-value', 'The child has no usable LAchildID, so no snapshot can be made.'));
    return { kind: 'error', caseId: undefined, problems };
  }
  const dob = dateAt(ids, 'PersonBirthDate', file, id, problems, true);
  if (dob === undefined) {
    problems.push(problem({ file, element: ids.path }, 'PersonBirthDate', 'no-date-of-birth', 'Without a usable date of birth (an unborn child has only an expected one) no snapshot can be made for the child.', id));
    return { kind: 'error', caseId: id, problems };
  }
  const events: CaseEvent[] = [];
  const dueDates: CouncilDueDate[] = [];
  const conferences = new Set<string>();
  children(node, 'CINdetails').forEach((episode, i) => {
    const e = `cin${i + 1}`;
    const date = (n: XmlNode, name: string) => dateAt(n, name, file, id, problems);
    const push = (ev: CaseEvent | undefined) => ev && events.push(ev);
    const referral = date(episode, 'CINreferralDate');
    if (referral) push({ id: `${e}-referral`, type: 'referral', date: referral });
    const closure = date(episode, 'CINclosureDate');
    if (closure) push({ id: `${e}-closure`, type: 'case-closed', date: closure });
    children(episode, 'Assessments').forEach((a, k) => {
      const assessmentId = `${e}-assessment-${k + 1}`;
      const start = date(a, 'AssessmentActualStartDate');
      if (start) push({ id: `${assessmentId}-start`, type: 'assessment-started', date: start, assessmentId });
      const done = date(a, 'AssessmentAuthorisationDate');
      if (done) push({ id: `${assessmentId}-authorised`, type: 'assessment-authorised', date: done, assessmentId });
    });
    children(episode, 'CINPlanDates').forEach((p, k) => {
      const start = date(p, 'CINPlanStartDate');
      if (start) push({ id: `${e}-plan-${k + 1}-start`, type: 'child-in-need-plan-started', date: start });
      const end = date(p, 'CINPlanEndDate');
      if (end) push({ id: `${e}-plan-${k + 1}-end`, type: 'child-in-need-plan-ended', date: end });
    });
    children(episode, 'Section47').forEach((s, k) => {
      const s47 = `${e}-s47-${k + 1}`;
      const start = date(s, 'S47ActualStartDate');
      if (!start) return;
      push({ id: `${s47}-start`, type: 'section-47-started', date: start });
      const icpc = date(s, 'DateOfInitialCPC');
      if (icpc) {
        conferences.add(icpc);
        push({ id: `${s47}-icpc`, type: 'initial-child-protection-conference', date: icpc });
      }
      // The census gives no date the enquiry concluded; "no conference required" is recorded as
      // concluded on its start, which ends the duty to hold one (it never held).
      if (textOf(s, 'ICPCnotRequired') === 'true' || textOf(s, 'ICPCnotRequired') === '1') {
        push({ id: `${s47}-concluded`, type: 'section-47-concluded', date: start, conferenceRequired: false });
      }
      const target = child(s, 'InitialCPCtarget');
      const due = target ? isoDatePart(target.text.trim(), { file, element: target.path }, 'InitialCPCtarget', id, problems) : undefined;
      if (due && target) dueDates.push({ anchorEventId: `${s47}-start`, evidence: 'initial-child-protection-conference', due, field: 'InitialCPCtarget', at: { file, element: target.path } });
    });
    // The episode's own conference date, when no section 47 enquiry of it gave the same one.
    const icpc = date(episode, 'DateOfInitialCPC');
    if (icpc && !conferences.has(icpc)) {
      conferences.add(icpc);
      push({ id: `${e}-icpc`, type: 'initial-child-protection-conference', date: icpc });
    }
    children(episode, 'ChildProtectionPlans').forEach((p, k) => {
      const plan = `${e}-cpp-${k + 1}`;
      const start = date(p, 'CPPstartDate');
      if (start) push({ id: `${plan}-start`, type: 'child-protection-plan-started', date: start });
      const end = date(p, 'CPPendDate');
      if (end) push({ id: `${plan}-end`, type: 'child-protection-plan-ended', date: end });
      const reviews = child(p, 'Reviews');
      if (reviews) {
        children(reviews, 'CPPreviewDate').forEach((r, j) => {
          const d = isoDatePart(r.text.trim(), { file, element: r.path }, 'CPPreviewDate', id, problems);
          if (d) push({ id: `${plan}-review-${j + 1}`, type: 'review-child-protection-conference', date: d });
        });
      }
    });
  });
  const snapshot: CaseSnapshot = { caseId: id, child: { dateOfBirth: dob }, events, supply: cinCensusSupply() };
  return { kind: 'snapshot', caseId: id, snapshot, problems, ...(dueDates.length > 0 ? { dueDates } : {}) };
}
