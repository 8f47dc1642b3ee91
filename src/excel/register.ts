/**
 * Entry point of the Excel bundle (functions.js), loaded by taskpane.html in the add-in's shared
 * runtime after office.js. It ties each id in functions.json to its function.
 */
import { evaluateEvents, isWorkday, timescaleDue, timescaleExplain, timescaleRules, timescaleStatus, workdaysAdd, workdaysBetween } from './functions.js';

declare const CustomFunctions: { associate(id: string, fn: (...args: never[]) => unknown): void } | undefined;

/** Every custom function by the id functions.json gives it. */
export const customFunctions = {
  WORKDAYS_ADD: workdaysAdd,
  WORKDAYS_BETWEEN: workdaysBetween,
  IS_WORKDAY: isWorkday,
  TIMESCALE_DUE: timescaleDue,
  TIMESCALE_STATUS: timescaleStatus,
  TIMESCALE_EXPLAIN: timescaleExplain,
  TIMESCALE_RULES: timescaleRules,
  EVALUATE: evaluateEvents,
} as const;

// Outside Excel (the task pane opened in a plain browser) there is nothing to register with.
if (typeof CustomFunctions !== 'undefined') {
  for (const [id, fn] of Object.entries(customFunctions)) CustomFunctions.associate(id, fn);
}
