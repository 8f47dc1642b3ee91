import type { Obligation, Report } from '../../engine/obligation.js';
import type { Output } from '../io.js';
import type { Rejection } from '../pipeline.js';
import { BOM, csvRows } from './csv.js';
import { CSV_COLUMNS, obligationCsv, obligationJson, rejectionCsv, rejectionJson, warningCsv, warningJson } from './rows.js';
import { caseText, printable, rejectionText, warningText } from './text.js';

/** The output formats of `evaluate`. */
export const OBLIGATION_FORMATS = ['jsonl', 'csv', 'text'] as const;
/** An output format of `evaluate`. */
export type ObligationFormat = (typeof OBLIGATION_FORMATS)[number];

/** Writes a case's obligations, and rejected records, in one format. */
export interface ObligationWriter {
  report(report: Report, obligations: Obligation[]): void;
  reject(rejection: Rejection): void;
  /** An evaluated record's warnings (fields ignored). */
  warn(warning: Rejection): void;
}

/** Options of {@link obligationWriter}. */
export interface WriterOptions {
  /** JSON Lines: add the working and the verbatim quote. */
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

/**
 * A writer for one format; writes the CSV header or the text heading at once. Machine formats
 * keep the engine's order (rule by rule); the text report puts breaches first.
 */
export function obligationWriter(format: ObligationFormat, out: Output, options: WriterOptions): ObligationWriter {
  switch (format) {
    case 'jsonl':
      return {
        report(r, list) {
          for (const o of list) out.write(`${JSON.stringify(obligationJson(r, o, options.trace))}\n`);
        },
        reject: (r) => out.write(`${JSON.stringify(rejectionJson(r))}\n`),
        warn: (w) => out.write(`${JSON.stringify(warningJson(w))}\n`),
      };
    case 'csv':
      out.write((options.bom ? BOM : '') + csvRows([CSV_COLUMNS]));
      return {
        report: (r, list) => out.write(csvRows(list.map((o) => obligationCsv(r, o)))),
        reject: (r) => out.write(csvRows(rejectionCsv(r))),
        warn: (w) => out.write(csvRows(warningCsv(w))),
      };
    case 'text':
      out.write(`${printable(options.heading)}\n\n`);
      return {
        report: (r, list) => out.write(caseText(r, forReading(list))),
        reject: (r) => out.write(rejectionText(r)),
        warn: (w) => out.write(warningText(w)),
      };
  }
}
