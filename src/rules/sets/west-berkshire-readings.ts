/**
 * The readings of the shipped rule set `west-berkshire`:
 * `practice-timescales/rules/west-berkshire/readings`.
 *
 * @module rules/west-berkshire/readings
 */
import raw from '../../../rules/west-berkshire.readings.json';
import { deepFreeze } from '../parse-rule-set.js';
import type { RuleSetReadings } from './readings.js';

/**
 * The notes and guidance of West Berkshire Council's Practice Standards, kept out of its table
 * because no evaluation reads them: each rule's reading of the standard where it is ambiguous,
 * and why, and the statements that set no checkable timescale. The national rules a West
 * Berkshire report also gives have theirs in `practice-timescales/rules/england-statutory/readings`.
 *
 * @example
 * ```ts
 * import { westBerkshireReadings } from 'practice-timescales/rules/west-berkshire/readings';
 * westBerkshireReadings().guidance.length; // the sentences that set no checkable timescale
 * ```
 */
export function westBerkshireReadings(): RuleSetReadings {
  return deepFreeze(raw as RuleSetReadings);
}

export { joinReadings, type GuidanceStatement, type RuleReading, type RuleSetReadings } from './readings.js';
