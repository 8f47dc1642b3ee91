/**
 * The shipped rule set `leeds-2023` on its own: `practice-timescales/rules/leeds-2023`.
 *
 * @module rules/leeds-2023
 */
import raw from '../../../rules/leeds-2023.json';
import type { RuleSet } from '../rule-schema.js';
import { englandStatutory } from './england-statutory.js';
import { loadShipped } from './load.js';

let set: RuleSet | undefined;

/**
 * Leeds City Council's Practice Standards (April 2023), on top of the national baseline,
 * validated on first call and the same object after. This is the
 * `practice-timescales/rules/leeds-2023` entry: a page that imports it carries Leeds and the
 * national baseline, and no other council's tables.
 *
 * @example
 * ```ts
 * import { evaluate } from 'practice-timescales/engine';
 * import { leeds2023 } from 'practice-timescales/rules/leeds-2023';
 * const report = evaluate(snapshot, { ruleSet: leeds2023(), asOf: '2024-04-09' });
 * ```
 */
export function leeds2023(): RuleSet {
  return (set ??= loadShipped(raw, englandStatutory));
}
