/**
 * The readings of the shipped rule set `england-statutory`:
 * `practice-timescales/rules/england-statutory/readings`.
 *
 * @module rules/england-statutory/readings
 */
import raw from '../../../rules/england-statutory.readings.json';
import { deepFreeze } from '../parse-rule-set.js';
import type { RuleSetReadings } from './readings.js';

/**
 * The notes and guidance of the national baseline (`england-statutory`), kept out of its table
 * because no evaluation reads them: each rule's reading of the statute or guidance it cites, and
 * the statements that set no checkable timescale. Compiled from the same YAML as the table.
 *
 * @example
 * ```ts
 * import { englandStatutoryReadings } from 'practice-timescales/rules/england-statutory/readings';
 * englandStatutoryReadings().rules['england-statutory.visits.looked-after']?.note; // how the rule reads its regulation
 * ```
 */
export function englandStatutoryReadings(): RuleSetReadings {
  return deepFreeze(raw as RuleSetReadings);
}

export { joinReadings, type GuidanceStatement, type RuleReading, type RuleSetReadings } from './readings.js';
