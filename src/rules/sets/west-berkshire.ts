/**
 * The shipped rule set `west-berkshire` on its own: `practice-timescales/rules/west-berkshire`.
 *
 * @module rules/west-berkshire
 */
import raw from '../../../rules/west-berkshire.json';
import type { RuleSet } from '../rule-schema.js';
import { englandStatutory } from './england-statutory.js';
import { loadShipped } from './load.js';

let set: RuleSet | undefined;

/**
 * West Berkshire Council's Practice Standards for Social Workers, on top of the national
 * baseline, validated on first call and the same object after. This is the
 * `practice-timescales/rules/west-berkshire` entry.
 *
 * @example
 * ```ts
 * import { evaluate } from 'practice-timescales/engine';
 * import { westBerkshire } from 'practice-timescales/rules/west-berkshire';
 * const report = evaluate(snapshot, { ruleSet: westBerkshire(), asOf: '2024-04-09' });
 * ```
 */
export function westBerkshire(): RuleSet {
  return (set ??= loadShipped(raw, englandStatutory));
}
