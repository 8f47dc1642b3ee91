import { formatIsoDate, parseIsoDate, type DayNumber } from '../calendar/day-number.js';
import { englandAndWales } from '../calendar/index.js';
import type { WorkingDayCalendar } from '../calendar/types.js';
import type { RuleSet } from '../rules/rule-schema.js';
import { CellError, failureOf, readDate, readText, readWholeNumber, serialFromDay, type DateReading } from './cells.js';
import { evaluateTable, readStatuses } from './evaluate-table.js';
import { cellsOf, mapCells, toGrid } from './grid.js';
import { answerRow, type RowAnswer } from './row-answer.js';
import { startDay } from './row-snapshot.js';
import { RuleIndex, type IndexedRule } from './rule-index.js';
import { ruleTable } from './rule-table.js';
import { zoneClock, type ZoneClock } from './time-zone.js';

/** Options for {@link sheetFunctions}. */
export interface SheetFunctionOptions {
  /**
   * How dates are returned: `serial` (Excel: 1900-system serial numbers; format the cells as
   * dates) or `date` (Google Sheets: `Date` objects at midnight in `timeZone`, which Sheets shows
   * as dates). Default `serial`.
   */
  readonly dates?: 'serial' | 'date';
  /**
   * The IANA time zone of the spreadsheet (Google Sheets: the spreadsheet's time zone), used to
   * read date cells that arrive as `Date` objects and to write dates back. Default
   * `Europe/London`.
   */
  readonly timeZone?: string;
  /**
   * The rule sets TIMESCALE_* look rule ids up in and TIMESCALE_RULES lists (default: every
   * shipped set). A council with its own rule set passes it here (with the shipped sets it
   * extends, or they are read from the package).
   */
  readonly ruleSets?: readonly RuleSet[];
}

/** A cell, or a range as rows of cells. */
export type CellInput = unknown;
/**
 * What a function returns: rows of cells, which spill into the sheet. A cell with no answer
 * holds a `CellFailure`, which each host shows as its own error.
 */
export type CellOutput = unknown[][];

/**
 * The spreadsheet functions. Each takes single cells or ranges, combines them cell by cell and
 * returns a range of the same shape. A blank row gives `""`; a cell that cannot be read gives a
 * `CellFailure` saying what is wrong, and the rest of the range is unaffected. Every
 * `TIMESCALE_*` answer comes from the engine: the row becomes a small snapshot.
 */
export interface SheetFunctions {
  /** Adds working days (England and Wales, plus optional closure days) to dates. */
  WORKDAYS_ADD(date: CellInput, n: CellInput, closures?: CellInput): CellOutput;
  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  WORKDAYS_BETWEEN(from: CellInput, to: CellInput, closures?: CellInput): CellOutput;
  /** TRUE for a working day, FALSE for a weekend, bank holiday or closure day. */
  IS_WORKDAY(date: CellInput, closures?: CellInput): CellOutput;
  /**
   * The due date of a rule's instance that a row starts: from the anchor, or for a recurring
   * duty the next one after `lastDone`, as of `asOf` (default: the row's latest date).
   */
  TIMESCALE_DUE(ruleId: CellInput, anchorDate: CellInput, lastDone?: CellInput, asOf?: CellInput): CellOutput;
  /** The engine's status for the row on `asOf`. */
  TIMESCALE_STATUS(ruleId: CellInput, anchorDate: CellInput, doneDate: CellInput, asOf: CellInput): CellOutput;
  /** The engine's explanation for the row, then every assumption the row made. */
  TIMESCALE_EXPLAIN(ruleId: CellInput, anchorDate: CellInput, doneDate: CellInput, asOf: CellInput): CellOutput;
  /** Rule ids, titles and timescales, with a header row, for one rule set (and what it extends) or all. */
  TIMESCALE_RULES(ruleSet?: CellInput): CellOutput;
  /**
   * A table of events (header row first) evaluated with the engine: one row per obligation, with
   * a header row; `only` keeps some statuses (`breaches`, `all`, or a comma-separated list).
   */
  EVALUATE(events: CellInput, ruleSet: CellInput, asOf: CellInput, only?: CellInput): CellOutput;
}

/** Calendars with closure days take a few milliseconds to build: keep the last few in use. */
const CLOSURE_CALENDARS_KEPT = 8;

function once<T>(make: () => T): () => T {
  let made: { value: T } | { error: unknown } | undefined;
  return () => {
    made ??= (() => {
      try {
        return { value: make() };
      } catch (error) {
        return { error };
      }
    })();
    if ('error' in made) throw made.error;
    return made.value;
  };
}

/**
 * Builds the spreadsheet functions for one host. The same functions serve Excel (serial dates
 * in and out) and Google Sheets (`Date` objects in the spreadsheet's time zone).
 */
export function sheetFunctions(options: SheetFunctionOptions = {}): SheetFunctions {
  const timeZone = options.timeZone ?? 'Europe/London';
  const clock = once((): ZoneClock => {
    try {
      return zoneClock(timeZone);
    } catch {
      throw new CellError(`The sheet's time zone (${timeZone}) is not one this runtime knows, so date cells cannot be read.`);
    }
  });
  const reading: DateReading = { clock };
  const dateOut =
    options.dates === 'date' ? (day: DayNumber): unknown => new Date(clock().startOfDay(day)) : (day: DayNumber): unknown => serialFromDay(day);
  const isoOut = (iso: string): unknown => dateOut(parseIsoDate(iso.slice(0, 10)));

  const calendars = new Map<string, WorkingDayCalendar>();
  const calendarFor = (closures: CellInput): WorkingDayCalendar => {
    const days = new Set<DayNumber>();
    cellsOf(closures).forEach((cell, i) => {
      try {
        const day = readDate(cell, reading, 'closure day');
        if (day !== undefined) days.add(day);
      } catch (e) {
        throw e instanceof CellError ? new CellError(`Closure day ${i + 1}: ${e.message}`) : e;
      }
    });
    if (days.size === 0) return englandAndWales();
    const extraClosures = [...days].sort((a, b) => a - b).map(formatIsoDate);
    const key = extraClosures.join(',');
    let cal = calendars.get(key);
    if (!cal) {
      cal = englandAndWales({ extraClosures });
      if (calendars.size >= CLOSURE_CALENDARS_KEPT) calendars.delete(calendars.keys().next().value!);
      calendars.set(key, cal);
    }
    return cal;
  };

  const index = once(() => new RuleIndex(options.ruleSets));
  const ruleFor = (cell: unknown): IndexedRule | undefined => {
    const id = readText(cell, 'rule id');
    return id === undefined ? undefined : index().rule(id);
  };
  const answer = (entry: IndexedRule, anchor: DayNumber, done: DayNumber | undefined, asOf: DayNumber): RowAnswer =>
    answerRow(entry, { anchor, done, asOf }, index().extra);

  const status = (ruleId: CellInput, anchorDate: CellInput, doneDate: CellInput, asOf: CellInput, pick: (a: RowAnswer) => string) =>
    mapCells([ruleId, anchorDate, doneDate, asOf], ([r, a, d, o]) => {
      const entry = ruleFor(r);
      const anchor = readDate(a, reading, 'anchor date');
      const asOfDay = readDate(o, reading, 'as-of date');
      if (entry === undefined || anchor === undefined || asOfDay === undefined) return '';
      return pick(answer(entry, anchor, readDate(d, reading, 'done date'), asOfDay));
    });

  return {
    WORKDAYS_ADD(date, n, closures) {
      const calendar = once(() => calendarFor(closures));
      return mapCells([date, n], ([d, k]) => {
        const day = readDate(d, reading);
        const count = readWholeNumber(k, 'number of working days');
        if (day === undefined || count === undefined) return '';
        return dateOut(calendar().addWorkingDaysNumber(day, count));
      });
    },
    WORKDAYS_BETWEEN(from, to, closures) {
      const calendar = once(() => calendarFor(closures));
      return mapCells([from, to], ([f, t]) => {
        const a = readDate(f, reading, 'start date');
        const b = readDate(t, reading, 'end date');
        if (a === undefined || b === undefined) return '';
        return calendar().workingDaysBetweenNumbers(a, b);
      });
    },
    IS_WORKDAY(date, closures) {
      const calendar = once(() => calendarFor(closures));
      return mapCells([date], ([d]) => {
        const day = readDate(d, reading);
        return day === undefined ? '' : calendar().isWorkingDayNumber(day);
      });
    },
    TIMESCALE_DUE(ruleId, anchorDate, lastDone, asOf) {
      return mapCells([ruleId, anchorDate, lastDone, asOf], ([r, an, l, o]) => {
        const entry = ruleFor(r);
        const anchor = readDate(an, reading, 'anchor date');
        if (entry === undefined || anchor === undefined) return '';
        const done = readDate(l, reading, 'last done date');
        // Without a date to judge on, the row is judged on its own latest date: the day the
        // clock starts (for an age, the birthday), or the last time it was done.
        const asOfDay = readDate(o, reading, 'as-of date') ?? Math.max(startDay(entry.rule, anchor, englandAndWales()), done ?? -Infinity);
        const a = answer(entry, anchor, done, asOfDay);
        if (a.due === null) throw new CellError(a.explanation, 'not-available');
        return isoOut(a.due);
      });
    },
    TIMESCALE_STATUS(ruleId, anchorDate, doneDate, asOf) {
      return status(ruleId, anchorDate, doneDate, asOf, (a) => a.status);
    },
    TIMESCALE_EXPLAIN(ruleId, anchorDate, doneDate, asOf) {
      return status(ruleId, anchorDate, doneDate, asOf, (a) => a.explanation);
    },
    TIMESCALE_RULES(ruleSet) {
      // One table: only the first cell of a range names the set.
      try {
        const id = readText(toGrid(ruleSet)[0]?.[0], 'rule set id');
        return ruleTable(index().all(), id === undefined ? undefined : index().ruleSet(id), index().extra);
      } catch (e) {
        return [[failureOf(e)]];
      }
    },
    EVALUATE(events, ruleSet, asOf, only) {
      try {
        const id = readText(toGrid(ruleSet)[0]?.[0], 'rule set id');
        const statuses = readText(toGrid(only)[0]?.[0], 'statuses to show');
        const day = readDate(toGrid(asOf)[0]?.[0], reading, 'as-of date');
        if (id === undefined) throw new CellError('Give the rule set to evaluate with, for example "leeds-2023": TIMESCALE_RULES() lists every rule with its rule set.');
        if (day === undefined) throw new CellError('Give the date to evaluate as of, for example TODAY().');
        return evaluateTable(toGrid(events), { ruleSet: index().ruleSet(id), extra: index().extra, asOf: day, reading, dateOut: isoOut, ...(statuses === undefined ? {} : { only: readStatuses(statuses) }) });
      } catch (e) {
        return [[failureOf(e)]];
      }
    },
  };
}
