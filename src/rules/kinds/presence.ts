import type { Rule } from '../rule-schema.js';
import { capitalise, describeTrigger } from '../vocabulary.js';
import type { RuleKind } from './kind.js';

type PresenceRule = Extract<Rule, { kind: 'presence' }>;

/** Something that must exist, with no timescale. */
export const presence: RuleKind<PresenceRule> = {
  trigger: (rule) => rule.anchor,
  evidence: (rule) => rule.satisfiedBy.evidence,
  describe: (rule) => `${capitalise(rule.satisfiedBy.evidence)} required from the ${describeTrigger(rule.anchor)} (no timescale).`,
};
