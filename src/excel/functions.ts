/**
 * Excel custom functions (namespace TIMESCALES). The JSDoc tags below are the source of
 * functions.json, generated at build time by custom-functions-metadata; register.ts associates
 * each id with its function. Every parameter is a matrix so a whole column can be passed and
 * the answer spills; a single cell works too.
 */
import { isFailure } from '../sheets/cells.js';
import { sheetFunctions } from '../sheets/functions.js';

const core = sheetFunctions({ dates: 'serial' });

interface OfficeCustomFunctions {
  Error: new (code: string, message?: string) => unknown;
  ErrorCode: { invalidValue: string; notAvailable: string };
}
declare const CustomFunctions: OfficeCustomFunctions | undefined;

/**
 * A function's answer as Excel shows it: a cell with no answer becomes an error value
 * (`#VALUE!` for a cell that cannot be read, `#N/A` for a look-up that finds nothing) carrying
 * the message, so ISERROR and conditional formatting see it; the other cells are unaffected.
 * Outside Excel (no Office runtime), the message is given as text starting `Error:`.
 */
export function forExcel(answer: unknown[][]): unknown[][] {
  const office = typeof CustomFunctions === 'undefined' ? undefined : CustomFunctions;
  return answer.map((row) =>
    row.map((cell) => {
      if (!isFailure(cell)) return cell;
      if (!office) return `Error: ${cell.message}`;
      return new office.Error(cell.kind === 'not-available' ? office.ErrorCode.notAvailable : office.ErrorCode.invalidValue, cell.message);
    }),
  );
}

const sheet = new Proxy(core, {
  get: (target, name: keyof typeof core) => (...args: unknown[]) => forExcel((target[name] as (...a: unknown[]) => unknown[][])(...args)),
});

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
 * The due date of a practice standard from its anchor date, or of a recurring duty's next instance from when it was last done, worked out by the engine. Format the result as dates.
 * @customfunction TIMESCALE_DUE
 * @param rule_id The rule id (see TIMESCALES.TIMESCALE_RULES).
 * @param anchor_date The date the clock starts (the date of birth for an age rule).
 * @param [last_done] When it was last done (for a deadline, when it was done).
 * @param [as_of] The date to judge on; blank for the row's latest date.
 * @returns The due date.
 */
export function timescaleDue(rule_id: unknown[][], anchor_date: unknown[][], last_done?: unknown[][], as_of?: unknown[][]): unknown[][] {
  return sheet.TIMESCALE_DUE(rule_id, anchor_date, last_done, as_of);
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
 * The status in a sentence, with the due date, how late, the standard it comes from, and every assumption the row made about what it cannot show.
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

/**
 * The whole engine over a table of events with the command line's CSV columns (caseId, type, date, ...; header row first): one row per duty of every case, under a header row. Format the Due column as dates.
 * @customfunction EVALUATE
 * @param events The events table, header row first.
 * @param rule_set The rule set id, e.g. leeds-2023.
 * @param as_of The date to judge on, e.g. TODAY().
 * @param [only] The statuses to show: breaches, all (the default), or a comma-separated list such as overdue,due.
 * @returns Case, rule, title, status, due, working days late and explanation for each duty.
 */
export function evaluateEvents(events: unknown[][], rule_set: unknown[][], as_of: unknown[][], only?: unknown[][]): unknown[][] {
  return sheet.EVALUATE(events, rule_set, as_of, only);
}
