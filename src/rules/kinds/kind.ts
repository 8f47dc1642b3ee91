import type { Rule, Trigger } from '../rule-schema.js';

/** What the rule tables know about one kind of rule, apart from how the engine evaluates it. */
export interface RuleKind<R extends Rule> {
  /** What starts an instance of the duty: the anchor, the target meeting or the episode start. */
  trigger(rule: R): Trigger;
  /** The plain-English noun for what meets the duty ("visit"), used in explanations. */
  evidence(rule: R): string;
  /** The timescale in plain English, derived from the rule itself for the catalogue. */
  describe(rule: R): string;
}
