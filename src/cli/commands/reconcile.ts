import { reconcile, type Reconciliation } from '../../import/reconcile.js';
import { choiceOption, type CommandSpec, type Parsed } from '../args.js';
import { UsageError } from '../errors.js';
import { FROM_OPTIONS, importClosingLine, importProblemText, importSources, type ImportTally } from '../input/import-source.js';
import { Output, type CliIo } from '../io.js';
import { asOfOption, calendarOption, ruleSetOption, RULE_OPTIONS } from '../options.js';
import { BOM, csvRows } from '../output/csv.js';

const FORMATS = ['csv', 'jsonl'] as const;
const COLUMNS = ['caseId', 'ruleId', 'field', 'file', 'element', 'anchorEventId', 'anchorDate', 'ours', 'theirs', 'workingDays', 'reason'] as const;

/** `reconcile`: where the council system's own due dates differ from ours, and why. */
export const reconcileSpec: CommandSpec = {
  name: 'reconcile',
  summary: "Compares the due dates a council's system recorded (the CIN census's InitialCPCtarget; SSD's icpc_icpc_target_date, cppr_cp_review_due and clar_cla_review_due_date) with the engine's, and lists each that differs and why.",
  usage: ['reconcile --from <format> <file> [<file> ...] --rules <id> --as-of <date> [options]'],
  details: [
    'One row per due date that differs: the case, the rule, where the council date was read (file and element or line), the event both count from, both dates, the working days between them and the reason when it is recognised (a bank holiday the system did not count, calendar days counted for working days, the start day counted as day one, a due date moved off a weekend or bank holiday). The due date of a review is matched to the review that met it, or, for a review not yet held, to the duty still open. Problems with the data go to stderr as import does; the closing line counts children in = snapshots + errors.',
  ],
  options: {
    ...RULE_OPTIONS,
    from: { ...FROM_OPTIONS.from!, description: `The format of the files that follow: cin-census or ssd carry the system's own due dates. Give it again before another source's files to combine them (a child's due dates from one source, its events from both).` },
    format: { type: 'string', short: 'f', value: '<fmt>', description: 'csv (default) or jsonl.' },
    bom: { type: 'boolean', description: 'Start CSV output with a UTF-8 byte order mark, for Excel.' },
    quiet: { type: 'boolean', short: 'q', description: 'No problem lines for rows left out, and no closing line.' },
  },
  positionals: { min: 1, max: 1000, names: 'the files of the return' },
  examples: [
    'reconcile --from cin-census census-2023.xml --rules england-statutory --as-of 2023-03-31 --bom > reconciliation.csv',
    'reconcile --from ssd ssd-extract/ --rules england-statutory --as-of 2024-03-31 > reconciliation.csv',
  ],
};

function cells(r: Reconciliation): (string | number)[] {
  return [r.caseId, r.ruleId, r.field, r.at.file, r.at.element ?? (r.at.line === undefined ? '' : `line ${r.at.line}`), r.anchor.eventId, r.anchor.date, r.ours, r.theirs, r.workingDays, r.reason];
}

/** Runs `reconcile`. */
export async function reconcileCommand(parsed: Parsed, io: CliIo): Promise<number> {
  const from = await importSources(parsed, io);
  if (from === undefined) throw new UsageError('--from is required: the format of the files (cin-census or ssd).');
  const format = choiceOption(parsed, 'format', FORMATS, 'csv');
  const calendar = calendarOption(parsed);
  const asOf = asOfOption(parsed, calendar);
  const ruleSet = await ruleSetOption(parsed, io);
  const quiet = parsed.values.quiet === true;
  const out = new Output(io.stdout);
  if (format === 'csv') out.write((parsed.values.bom === true ? BOM : '') + csvRows([[...COLUMNS]]));
  const tally: ImportTally = { children: 0, snapshots: 0, errors: 0, rowsLeftOut: 0, fileProblems: 0 };
  for await (const e of from.entries) {
    if (e.kind === 'problem') {
      tally.fileProblems++;
      io.stderr.write(importProblemText(e.problem));
      continue;
    }
    tally.children++;
    if (e.kind === 'error') {
      tally.errors++;
      if (!quiet) for (const p of e.problems) io.stderr.write(importProblemText(p));
      continue;
    }
    tally.snapshots++;
    tally.rowsLeftOut += e.problems.length;
    if (!quiet) for (const p of e.problems) io.stderr.write(importProblemText(p));
    for (const r of reconcile(e, { ruleSet, asOf, calendar })) {
      out.write(format === 'csv' ? csvRows([cells(r)]) : `${JSON.stringify(r)}\n`);
    }
    await out.flush();
  }
  await out.flush(true);
  if (!quiet) io.stderr.write(importClosingLine(from.name, tally));
  return 0;
}
