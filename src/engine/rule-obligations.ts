import { ruleKind } from '../rules/kinds/index.js';
import type { RuleInSet } from '../rules/chain.js';
import type { Rule } from '../rules/rule-schema.js';
import { notApplicableReason, outsideConditionReason } from './conditions.js';
import { UnknownFact, type EvalContext } from './context.js';
import { notEligibleReason } from './eligibility.js';
import { explain } from './explain.js';
import { evaluatorOf } from './kinds.js';
import { isoDate } from './iso-text.js';
import type { Lateness, Obligation, ObligationStatus } from './obligation.js';
import { dueText, FoundObligation, ObligationRecord, withText, type ObligationWriter } from './obligation-record.js';
import { outcome, UNTRACED, type Outcome } from './outcome.js';

/**
 * Why a rule gave no instance: what started it fell outside the period the rule is limited to
 * (e.g. the 16th birthday of a child who had left care), or nothing has started it yet.
 */
function noInstanceReason(ctx: EvalContext, rule: Rule): string {
  const trigger = ruleKind(rule).trigger(rule);
  const outside = outsideConditionReason(ctx, rule, trigger);
  if (outside) return outside;
  if ('age' in trigger && trigger.eligibility) return notEligibleReason({ age: trigger.age, eligibility: trigger.eligibility });
  if ('age' in trigger && !trigger.notBefore) return 'the age that starts this duty has not been reached';
  return evaluatorOf(rule).noInstanceReason?.(ctx, rule) ?? `no event that starts this duty is recorded up to ${isoDate(ctx.asOf)}`;
}

function lateness(ctx: EvalContext, o: Outcome): Lateness | null {
  if (!o.lateTo || !o.due) return null;
  const calendarDays = o.lateTo.day - o.due.day;
  const workingDays = ctx.workingDaysBetween(o.due.day, o.lateTo.day);
  if (o.due.minute !== undefined && o.lateTo.minute !== undefined) {
    return { workingDays, calendarDays, hours: Math.ceil((o.lateTo.minute - o.due.minute) / 60) };
  }
  return { workingDays, calendarDays };
}

function toObligation(ctx: EvalContext, entry: RuleInSet, o: Outcome, writer: ObligationWriter | undefined): Obligation {
  const { rule, ruleSet } = entry;
  let status = o.status;
  let late: Lateness | null = null;
  let explained = o;
  try {
    late = lateness(ctx, o);
  } catch (e) {
    if (!(e instanceof UnknownFact)) throw e;
    status = 'unknown';
    explained = outcome({ ...o, reason: e.reason });
  }
  const provisional = o.due !== undefined && o.due.day >= ctx.provisionalFromDay;
  // The record writes its dates as text when they are read.
  if (writer) return new FoundObligation(entry, writer, o, status, late, provisional);
  // Without a writer, everything is written now, into a plain object.
  const due = dueText(o.due);
  const anchor = o.anchor ? { eventId: o.anchor.eventId, date: isoDate(o.anchor.day), label: o.anchor.label } : null;
  const satisfiedBy = o.satisfied ? { eventId: o.satisfied.id, date: isoDate(o.satisfied.day) } : null;
  const fields = { caseId: ctx.subject.id, ruleId: rule.id, ruleSet: ruleSet.id, area: rule.area, title: rule.title, instance: o.instance, status, due, anchor, satisfiedBy, lateness: late, cite: rule.cite, provisional, escalateTo: rule.escalateTo };
  return withText(fields, explain(ctx.subject.id, rule, explained, status, due, late, ctx.asOf), o.trace);
}

/** An obligation that is the rule's only one: not applicable or unknown, for a reason. */
export function single(ctx: EvalContext, entry: RuleInSet, status: ObligationStatus, reason: string, writer: ObligationWriter | undefined): Obligation {
  // No due date, anchor or lateness; the reason is written with the text, when it is read.
  if (writer) return new ObligationRecord(entry, writer, 0, status, null, false);
  return toObligation(ctx, entry, outcome({ instance: 0, status, reason, trace: ctx.tracing ? [{ step: 'note', detail: reason }] : UNTRACED }), writer);
}

/**
 * Appends a rule's obligations to `into`: written in full without a writer (the context then
 * traces), otherwise as records that have the writer write their text when it is read.
 */
export function evaluateRule(ctx: EvalContext, entry: RuleInSet, into: Obligation[], writer: ObligationWriter | undefined): void {
  const { rule } = entry;
  let found: Outcome[];
  try {
    const reason = notApplicableReason(ctx, rule);
    if (reason) {
      into.push(single(ctx, entry, 'not-applicable', reason, writer));
      return;
    }
    found = evaluatorOf(rule).evaluate(ctx, rule);
    if (found.length === 0) {
      // The reason is part of the text only: without tracing, it is written when the text is read.
      into.push(single(ctx, entry, 'not-applicable', ctx.tracing ? noInstanceReason(ctx, rule) : '', writer));
      return;
    }
  } catch (e) {
    if (!(e instanceof UnknownFact)) throw e;
    into.push(single(ctx, entry, 'unknown', e.reason, writer));
    return;
  }
  for (const o of found) into.push(toObligation(ctx, entry, o, writer));
}
