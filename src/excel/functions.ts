/**
 * Excel custom functions (namespace TIMESCALES). The JSDoc tags below are the source of
 * functions.json, generated at build time by custom-functions-metadata; register.ts associates
 * each id with its function. Every parameter is a matrix so a whole column can be passed and
 * the answer spills; a single cell works too.
 */
import { sheetFunctions } from '../sheets/functions.js';

const sheet = sheetFunctions({ dates: 'serial' });

/**
 * Adds working days to dates, skipping weekends, England and Wales bank holidays and any closure days listed. The start date is not counted (like WORKDAY). Format the result as dates.
 * @customfunction WORKDAYS_ADD
 * @param date A date or a column of dates.
 * @param n Working days to add (negative to go back).
 * @param [closures] Extra days the service is closed.
 * @returns The dates n working days later.
 */
export function workdaysAdd(date: unknown[][], n: unknown[][], closures?: unknown[][]): unknown[][] {
  return sheet.WORKDAYS_ADD(date, n, closures);
}

/**
 * Counts the working days after one date up to and including another; negative when the end is earlier.
 * @customfunction WORKDAYS_BETWEEN
 * @param from The start date or dates (not counted).
 * @param to The end date or dates (counted).
 * @param [closures] Extra days the service is closed.
 * @returns The number of working days.
 */
export function workdaysBetween(from: unknown[][], to: unknown[][], closures?: unknown[][]): unknown[][] {
  return sheet.WORKDAYS_BETWEEN(from, to, closures);
}

/**
 * TRUE for a working day, FALSE for a weekend, an England and Wales bank holiday or a listed closure day.
 * @customfunction IS_WORKDAY
 * @param date A date or a column of dates.
 * @param [closures] Extra days the service is closed.
 * @returns TRUE or FALSE for each date.
 */
export function isWorkday(date: unknown[][], closures?: unknown[][]): unknown[][] {
  return sheet.IS_WORKDAY(date, closures);
}

/**
 * The due date of a practice standard from its anchor date, or of a recurring duty's next instance from when it was last done. Format the result as dates.
 * @customfunction TIMESCALE_DUE
 * @param rule_id The rule id (see TIMESCALES.TIMESCALE_RULES).
 * @param anchor_date The date the clock starts (the date of birth for an age rule).
 * @param [last_done] For a recurring rule, when it was last done.
 * @returns The due date.
 */
export function timescaleDue(rule_id: unknown[][], anchor_date: unknown[][], last_done?: unknown[][]): unknown[][] {
  return sheet.TIMESCALE_DUE(rule_id, anchor_date, last_done);
}

/**
 * Where a duty stands on a date: met, met-late, due or overdue. For a recurring rule, done_date is the last time it was done and the status is that of the next one.
 * @customfunction TIMESCALE_STATUS
 * @param rule_id The rule id (see TIMESCALES.TIMESCALE_RULES).
 * @param anchor_date The date the clock starts.
 * @param done_date When it was done (blank if not yet).
 * @param as_of The date to judge on, e.g. TODAY().
 * @returns The status.
 */
export function timescaleStatus(rule_id: unknown[][], anchor_date: unknown[][], done_date: unknown[][], as_of: unknown[][]): unknown[][] {
  return sheet.TIMESCALE_STATUS(rule_id, anchor_date, done_date, as_of);
}

/**
 * The status in a sentence, with the due date, how late, and the standard it comes from.
 * @customfunction TIMESCALE_EXPLAIN
 * @param rule_id The rule id (see TIMESCALES.TIMESCALE_RULES).
 * @param anchor_date The date the clock starts.
 * @param done_date When it was done (blank if not yet).
 * @param as_of The date to judge on, e.g. TODAY().
 * @returns The explanation.
 */
export function timescaleExplain(rule_id: unknown[][], anchor_date: unknown[][], done_date: unknown[][], as_of: unknown[][]): unknown[][] {
  return sheet.TIMESCALE_EXPLAIN(rule_id, anchor_date, done_date, as_of);
}

/**
 * A table of the rules you can use: id, title, timescale, rule set and kind, with a header row.
 * @customfunction TIMESCALE_RULES
 * @param [rule_set] A rule set id such as leeds-2023 (with the national rules it extends); blank for all.
 * @returns The table.
 */
export function timescaleRules(rule_set?: unknown[][]): unknown[][] {
  return sheet.TIMESCALE_RULES(rule_set);
}
