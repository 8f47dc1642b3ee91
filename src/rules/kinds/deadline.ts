import type { Rule } from '../rule-schema.js';
import { capitalise, describeSelector, describeTrigger, list, ordinalWord, roleName, within } from '../vocabulary.js';
import type { RuleKind } from './kind.js';

type DeadlineRule = Extract<Rule, { kind: 'deadline' }>;

/** A one-off deadline after (or before) an anchor. */
export const deadline: RuleKind<DeadlineRule> = {
  trigger: (rule) => rule.anchor,
  evidence: (rule) => rule.satisfiedBy.evidence,
  describe(rule) {
    const nth = rule.satisfiedBy.nth !== undefined && rule.satisfiedBy.nth > 1 ? `The ${ordinalWord(rule.satisfiedBy.nth)} ` : '';
    const what = nth ? `${nth}${rule.satisfiedBy.evidence.replace(/^(second|third) /, '')}` : capitalise(rule.satisfiedBy.evidence);
    const anchor = describeTrigger(rule.anchor);
    const since = rule.satisfiedBy.countsFrom?.since;
    const early = since === undefined ? '' : since === 'any-time' ? ` One made earlier counts if it names this ${anchor}.` : ` One made since the ${list(since.map(describeSelector))} counts, even before the ${anchor}.`;
    const cancel = rule.cancelledBy ? ` Ends if the ${list(rule.cancelledBy.map(describeSelector))} comes first.` : '';
    const exception = rule.exception ? ` The ${list(rule.exception.anyOf.map(roleName))} may record an exception with the earliest date.` : '';
    const roll = rule.onNonWorkingDay === 'next-working-day' ? ' A due date at a weekend or on a bank holiday moves to the next working day.' : '';
    return `${what} ${within(rule.due, anchor)}.${early}${cancel}${exception}${roll}`;
  },
};
