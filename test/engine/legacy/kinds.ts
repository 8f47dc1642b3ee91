import type { Rule } from '../../../src/rules/rule-schema.js';
import type { KindEvaluator } from './kind.js';
import { beforeEventKind } from './kind-before-event.js';
import { countKind } from './kind-count.js';
import { deadlineKind } from './kind-deadline.js';
import { presenceKind } from './kind-presence.js';
import { recurringKind } from './kind-recurring.js';

const KINDS: { readonly [K in Rule['kind']]: KindEvaluator<Extract<Rule, { kind: K }>> } = {
  deadline: deadlineKind,
  recurring: recurringKind,
  'before-event': beforeEventKind,
  'count-in-window': countKind,
  presence: presenceKind,
};

/** The evaluator of a rule's kind, typed for that rule. */
export function evaluatorOf<R extends Rule>(rule: R): KindEvaluator<R> {
  return KINDS[rule.kind] as unknown as KindEvaluator<R>;
}
