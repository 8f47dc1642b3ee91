import type { Rule } from '../rule-schema.js';
import { beforeEvent } from './before-event.js';
import { countInWindow } from './count-in-window.js';
import { deadline } from './deadline.js';
import type { RuleKind } from './kind.js';
import { presence } from './presence.js';
import { recurring } from './recurring.js';

export type { RuleKind } from './kind.js';

const KINDS: { readonly [K in Rule['kind']]: RuleKind<Extract<Rule, { kind: K }>> } = {
  deadline,
  recurring,
  'before-event': beforeEvent,
  'count-in-window': countInWindow,
  presence,
};

/** The module of a rule's kind, typed for that rule. */
export function ruleKind<R extends Rule>(rule: R): RuleKind<R> {
  return KINDS[rule.kind] as unknown as RuleKind<R>;
}
