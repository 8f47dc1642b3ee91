import { formatDuration } from '../../calendar/format-duration.js';
import type { Rule } from '../rule-schema.js';
import { capitalise, describeSelector, describeTrigger, episodeText, ordinalWord } from '../vocabulary.js';
import type { RuleKind } from './kind.js';

type BeforeEventRule = Extract<Rule, { kind: 'before-event' }>;

/** A duty due a time before an event (reports shared before a meeting). */
export const beforeEvent: RuleKind<BeforeEventRule> = {
  trigger: (rule) => rule.target,
  evidence: (rule) => rule.satisfiedBy.evidence,
  describe(rule) {
    const before = formatDuration(rule.before);
    const when = before === 'on the same day' ? 'by the day of' : `at least ${before} before`;
    const target = rule.nthTarget
      ? `the ${ordinalWord(rule.nthTarget.nth)} ${describeSelector(rule.target)} from each ${describeTrigger(rule.nthTarget.episode.start)}${episodeText(rule.nthTarget.episode)} (numbered in date order where the ${rule.nthTarget.field ?? 'number'} is not recorded)`
      : `each ${describeSelector(rule.target)}`;
    return `${capitalise(rule.satisfiedBy.evidence)} ${when} ${target}.`;
  },
};
