// Google Sheets custom functions. Each passes its cells or ranges to the bundle above and
// returns a range of the same shape. Dates come back as dates; a blank row gives an empty
// cell. A formula giving one cell that cannot be worked out shows #ERROR! with the reason; in a
// range, such a cell holds the reason as text starting "Error:" and the others are unaffected.

/**
 * Adds working days to dates: weekends and England and Wales bank holidays are skipped, and so
 * are any closure days you list. The start date is not counted (like WORKDAY).
 *
 * @param {Date|Array<Array<Date>>} date A date or a column of dates.
 * @param {number|Array<Array<number>>} n Working days to add (negative to go back).
 * @param {Array<Array<Date>>} [closures] Optional extra days the service is closed.
 * @return The dates n working days later.
 * @customfunction
 */
function WORKDAYS_ADD(date, n, closures) {
  return timescales_().WORKDAYS_ADD(date, n, closures);
}

/**
 * Counts the working days after one date up to and including another (England and Wales bank
 * holidays and any closure days you list are not working days).
 *
 * @param {Date|Array<Array<Date>>} from The start date(s), not counted.
 * @param {Date|Array<Array<Date>>} to The end date(s), counted.
 * @param {Array<Array<Date>>} [closures] Optional extra days the service is closed.
 * @return The number of working days; negative when "to" is before "from".
 * @customfunction
 */
function WORKDAYS_BETWEEN(from, to, closures) {
  return timescales_().WORKDAYS_BETWEEN(from, to, closures);
}

/**
 * TRUE for a working day, FALSE for a weekend, an England and Wales bank holiday or a closure
 * day you list.
 *
 * @param {Date|Array<Array<Date>>} date A date or a column of dates.
 * @param {Array<Array<Date>>} [closures] Optional extra days the service is closed.
 * @return TRUE or FALSE for each date.
 * @customfunction
 */
function IS_WORKDAY(date, closures) {
  return timescales_().IS_WORKDAY(date, closures);
}

/**
 * The due date of a practice standard from its anchor date: a deadline after a referral, the
 * next visit after the last one, a report before a conference. Worked out by the engine. See
 * TIMESCALE_RULES for the ids.
 *
 * @param {string|Array<Array<string>>} rule_id The rule id, e.g. from TIMESCALE_RULES().
 * @param {Date|Array<Array<Date>>} anchor_date The date the clock starts (the date of birth for an age rule).
 * @param {Date|Array<Array<Date>>} [last_done] When it was last done (for a deadline, when it was done).
 * @param {Date|Array<Array<Date>>} [as_of] The date to judge on; blank for the row's latest date.
 * @return The due date.
 * @customfunction
 */
function TIMESCALE_DUE(rule_id, anchor_date, last_done, as_of) {
  return timescales_().TIMESCALE_DUE(rule_id, anchor_date, last_done, as_of);
}

/**
 * Where a duty stands on a date: met, met-late, due or overdue. For a recurring rule, done_date
 * is the last time it was done and the status is that of the next one.
 *
 * @param {string|Array<Array<string>>} rule_id The rule id, e.g. from TIMESCALE_RULES().
 * @param {Date|Array<Array<Date>>} anchor_date The date the clock starts.
 * @param {Date|Array<Array<Date>>} done_date When it was done (leave blank if not yet).
 * @param {Date|Array<Array<Date>>} as_of The date to judge on, e.g. TODAY().
 * @return The status.
 * @customfunction
 */
function TIMESCALE_STATUS(rule_id, anchor_date, done_date, as_of) {
  return timescales_().TIMESCALE_STATUS(rule_id, anchor_date, done_date, as_of);
}

/**
 * The status in a sentence, with the due date, how late, the standard it comes from, and every
 * assumption the row made about what it cannot show.
 *
 * @param {string|Array<Array<string>>} rule_id The rule id, e.g. from TIMESCALE_RULES().
 * @param {Date|Array<Array<Date>>} anchor_date The date the clock starts.
 * @param {Date|Array<Array<Date>>} done_date When it was done (leave blank if not yet).
 * @param {Date|Array<Array<Date>>} as_of The date to judge on, e.g. TODAY().
 * @return The explanation.
 * @customfunction
 */
function TIMESCALE_EXPLAIN(rule_id, anchor_date, done_date, as_of) {
  return timescales_().TIMESCALE_EXPLAIN(rule_id, anchor_date, done_date, as_of);
}

/**
 * A table of the rules you can use: id, title, timescale, rule set and kind.
 *
 * @param {string} [rule_set] Optional rule set id, e.g. "leeds-2023" (with the national rules it extends).
 * @return The table, with a header row.
 * @customfunction
 */
function TIMESCALE_RULES(rule_set) {
  return timescales_().TIMESCALE_RULES(rule_set);
}

/**
 * The whole engine over a table of events with the command line's CSV columns (caseId, type,
 * date, ...; header row first): one row per duty of every case, under a header row.
 *
 * @param {Array<Array<string>>} events The events table, header row first.
 * @param {string} rule_set The rule set id, e.g. "leeds-2023".
 * @param {Date} as_of The date to judge on, e.g. TODAY().
 * @param {string} [only] The statuses to show: breaches, all (the default), or a comma-separated list such as "overdue,due".
 * @return Case, rule, title, status, due, working days late and explanation for each duty.
 * @customfunction
 */
function EVALUATE(events, rule_set, as_of, only) {
  return timescales_().EVALUATE(events, rule_set, as_of, only);
}

var timescalesCache_;

/** The functions, built once per run for the spreadsheet's time zone. */
function timescales_() {
  if (!timescalesCache_) {
    timescalesCache_ = Timescales.googleSheetFunctions({ timeZone: sheetTimeZone_() });
  }
  return timescalesCache_;
}

/** Date cells arrive as midnight in the spreadsheet's time zone, so that is the zone to read them in. */
function sheetTimeZone_() {
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  } catch (e) {
    try {
      return Session.getScriptTimeZone();
    } catch (e2) {
      return 'Europe/London';
    }
  }
}
