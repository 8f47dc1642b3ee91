import { formatDuration } from '../../calendar/format-duration.js';
import type { Rule } from '../rule-schema.js';
import { describeTrigger, episodeText, list } from '../vocabulary.js';
import type { RuleKind } from './kind.js';

type CountRule = Extract<Rule, { kind: 'count-in-window' }>;

/** A count of events required in each window of an episode. */
export const countInWindow: RuleKind<CountRule> = {
  trigger: (rule) => rule.episode.start,
  // Each requirement names its own evidence; an explanation speaks of the record as a whole.
  evidence: () => 'record',
  describe(rule) {
    const start = describeTrigger(rule.episode.start);
    const window = 'every' in rule.window ? `each ${formatDuration(rule.window.every).replace(/^1 /, '')} from the ${start}` : `each school term from the ${start}`;
    const counts = rule.requirements.map((r) => `at least ${r.count} ${r.evidence}`);
    return `In ${window}: ${list(counts, 'and')}${episodeText(rule.episode)}.`;
  },
};
