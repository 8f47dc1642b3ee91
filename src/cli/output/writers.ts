import type { Obligation, Report } from '../../engine/obligation.js';
import type { Rejection } from '../pipeline.js';
import { BOM, csvRows } from './csv.js';
import { caseJson, CSV_COLUMNS, obligationCsv, obligationJson, rejectionCsv, rejectionJson, warningCsv, warningJson } from './rows.js';
import { caseText, printable, rejectionText, warningText } from './text.js';

/** The output formats of `evaluate`. */
export const OBLIGATION_FORMATS = ['jsonl', 'csv', 'text'] as const;
/** An output format of `evaluate`. */
export type ObligationFormat = (typeof OBLIGATION_FORMATS)[number];

/** How much `evaluate` writes: `compact` (the default) or `full`, every obligation as the library gives it. */
export const DETAILS = ['compact', 'full'] as const;
/** How much `evaluate` writes. */
export type Detail = (typeof DETAILS)[number];

/** A case's obligations as written, and the rules it cites by reference (compact JSON Lines). */
export interface CaseText {
  readonly text: string;
  /** Rule ids the text cites by id only; a `rule` row must come before it. */
  readonly rules: readonly string[];
}

/**
 * Writes a case's obligations, and rejected records, in one format. Every method returns text
 * and keeps no state, so cases can be written in worker threads and joined in input order.
 */
export interface ObligationWriter {
  /** What the output starts with: the CSV header or the text heading (empty for JSON Lines). */
  readonly head: string;
  case(report: Report, obligations: Obligation[]): CaseText;
  reject(rejection: Rejection): string;
  /** An evaluated record's warnings (fields ignored). */
  warn(warning: Rejection): string;
}

/** Options of {@link obligationWriter}. */
export interface WriterOptions {
  /** JSON Lines: one compact row per case, or every obligation in full as before. */
  readonly detail: Detail;
  /** JSON Lines: every obligation in full, with the working and the verbatim quote. */
  readonly trace: boolean;
  /** CSV: start with a byte order mark. */
  readonly bom: boolean;
  /** Text: the heading line. */
  readonly heading: string;
}

const RANK: Readonly<Record<Obligation['status'], number>> = { overdue: 0, 'met-late': 1, due: 2, unknown: 3, excepted: 4, met: 5, 'not-applicable': 6 };

/** For people: breaches first, the longest overdue first, then what is due soonest. */
function forReading(list: Obligation[]): Obligation[] {
  return list.sort(
    (a, b) =>
      RANK[a.status] - RANK[b.status] ||
      (b.lateness?.calendarDays ?? 0) - (a.lateness?.calendarDays ?? 0) ||
      (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff'),
  );
}

const NONE: readonly string[] = [];

/**
 * A writer for one format. Machine formats keep the engine's order (rule by rule); the text
 * report puts breaches first.
 */
export function obligationWriter(format: ObligationFormat, options: WriterOptions): ObligationWriter {
  switch (format) {
    case 'jsonl':
      return {
        head: '',
        case:
          options.detail === 'compact' && !options.trace
            ? (r, list) => ({ text: `${JSON.stringify(caseJson(r, list))}\n`, rules: [...new Set(list.map((o) => o.ruleId))] })
            : (r, list) => ({ text: list.map((o) => `${JSON.stringify(obligationJson(r, o, options.trace))}\n`).join(''), rules: NONE }),
        reject: (r) => `${JSON.stringify(rejectionJson(r))}\n`,
        warn: (w) => `${JSON.stringify(warningJson(w))}\n`,
      };
    case 'csv':
      return {
        head: (options.bom ? BOM : '') + csvRows([CSV_COLUMNS]),
        case: (r, list) => ({ text: csvRows(list.map((o) => obligationCsv(r, o))), rules: NONE }),
        reject: (r) => csvRows(rejectionCsv(r)),
        warn: (w) => csvRows(warningCsv(w)),
      };
    case 'text':
      return {
        head: `${printable(options.heading)}\n\n`,
        case: (r, list) => ({ text: caseText(r, forReading(list)), rules: NONE }),
        reject: rejectionText,
        warn: warningText,
      };
  }
}
