import type { Rule } from '../../../src/rules/rule-schema.js';
import type { EvalContext } from './context.js';
import type { Outcome } from './outcome.js';

/** How the engine evaluates one kind of rule (its words and trigger live in `src/rules/kinds`). */
export interface KindEvaluator<R extends Rule> {
  /** Every instance of the duty for the subject, as the kind finds them. */
  evaluate(ctx: EvalContext, rule: R): Outcome[];
  /** Why no instance arose, where the kind says it differently from the general reason. */
  noInstanceReason?(ctx: EvalContext, rule: R): string | undefined;
}
