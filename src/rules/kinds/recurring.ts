import { formatDuration } from '../../calendar/format-duration.js';
import type { Rule } from '../rule-schema.js';
import { capitalise, describeBoundary, describeTrigger, episodeText, fieldsText, list, roleName, within } from '../vocabulary.js';
import type { RuleKind } from './kind.js';

type RecurringRule = Extract<Rule, { kind: 'recurring' }>;

function variationText(rule: RecurringRule): string {
  if (!rule.variation) return '';
  const allowances = rule.variation.map((v) => {
    const who = v.allOf ? `${list(v.allOf.map(roleName), 'and')} together` : list((v.anyOf ?? []).map(roleName));
    const bound = v.max ? `up to ${formatDuration(v.max)}` : 'any interval';
    return `${bound}${v.min ? ` and at least ${formatDuration(v.min)}` : ''}, agreed by the ${who}${v.inPhase ? `, only in the phase "${v.inPhase}"` : ''}`;
  });
  return ` Another interval may be agreed: ${allowances.join('; or ')}.`;
}

/** A duty that recurs at an interval from the last time it was met, through an episode. */
export const recurring: RuleKind<RecurringRule> = {
  trigger: (rule) => rule.episode.start,
  evidence: (rule) => rule.satisfiedBy.evidence,
  describe(rule) {
    const [first, ...later] = rule.phases;
    const start = describeTrigger(rule.episode.start);
    const opening = `${capitalise(rule.satisfiedBy.evidence)}: first ${within(rule.first ?? first!.interval, start)}, then within ${formatDuration(first!.interval)} of the last one${first!.label ? ` (${first!.label})` : ''}`;
    const only = (p: typeof first) => (p?.whenStart ? ` when the start has ${fieldsText(p.whenStart, ' and ')}` : '');
    const phases = later.map((p) => `; from ${p.from ? describeBoundary(p.from) : 'the start'}${only(p)}, within ${formatDuration(p.interval)}${p.label ? ` (${p.label})` : ''}`).join('');
    const roll = rule.onNonWorkingDay === 'next-working-day' ? ' A due date at a weekend or on a bank holiday moves to the next working day.' : '';
    return `${opening}${phases}${episodeText(rule.episode)}.${variationText(rule)}${roll}`;
  },
};
