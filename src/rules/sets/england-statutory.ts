/**
 * The shipped rule set `england-statutory` on its own: `practice-timescales/rules/england-statutory`.
 *
 * @module rules/england-statutory
 */
import raw from '../../../rules/england-statutory.json';
import type { RuleSet } from '../rule-schema.js';
import { loadShipped } from './load.js';

let set: RuleSet | undefined;

/**
 * The national statutory baseline for England (statutory instruments and statutory guidance),
 * validated on first call and the same object after. This is the `practice-timescales/rules/england-statutory` entry; the local sets extend it.
 *
 * @example
 * ```ts
 * import { evaluate } from 'practice-timescales/engine';
 * import { englandStatutory } from 'practice-timescales/rules/england-statutory';
 * const report = evaluate(snapshot, { ruleSet: englandStatutory(), asOf: '2024-04-09' });
 * ```
 */
export function englandStatutory(): RuleSet {
  return (set ??= loadShipped(raw));
}
