/**
 * The readings of the shipped rule set `leeds-2023`: `practice-timescales/rules/leeds-2023/readings`.
 *
 * @module rules/leeds-2023/readings
 */
import raw from '../../../rules/leeds-2023.readings.json';
import { deepFreeze } from '../parse-rule-set.js';
import type { RuleSetReadings } from './readings.js';

/**
 * The notes and guidance of Leeds City Council's Practice Standards (April 2023), kept out of its
 * table because no evaluation reads them: each rule's reading of the standard where it is
 * ambiguous, and why, and the statements that set no checkable timescale. The national rules a
 * Leeds report also gives have theirs in `practice-timescales/rules/england-statutory/readings`.
 *
 * @example
 * ```ts
 * import { leeds2023Readings } from 'practice-timescales/rules/leeds-2023/readings';
 * leeds2023Readings().rules['leeds.visits.child-in-need']?.note; // how "at least every 20 working days" is counted, and why
 * ```
 */
export function leeds2023Readings(): RuleSetReadings {
  return deepFreeze(raw as RuleSetReadings);
}

export { joinReadings, type GuidanceStatement, type RuleReading, type RuleSetReadings } from './readings.js';
