import { parseIsoDate, formatIsoDate } from '../../calendar/day-number.js';
import type { WorkingDayCalendar } from '../../calendar/types.js';
import { evaluateValidated, findRule, type RuleSet } from '../../index.js';
import { STATUSES, type Obligation, type ObligationStatus } from '../../engine/obligation.js';
import { choiceOption, stringOption, type CommandSpec, type OptionSpec, type Parsed } from '../args.js';
import { UsageError } from '../errors.js';
import { CSV_LAYOUT_HELP } from '../input/csv-layout.js';
import { INPUT_FORMATS, inputFormatOption, openPending, readLimitsOption } from '../input/open.js';
import { assumeOption, FROM_OPTIONS, openFrom, type OpenedImport } from '../input/import-source.js';
import { Output, type CliIo } from '../io.js';
import { asOfOption, calendarOption, parseDurationText, ruleSetOption, RULE_OPTIONS, DURATION_HELP } from '../options.js';
import { ruleJson } from '../output/rows.js';
import { DETAILS, obligationWriter, OBLIGATION_FORMATS, type CaseText, type Detail, type ObligationFormat, type ObligationWriter } from '../output/writers.js';
import { JOBS_OPTION, batchJudge } from '../parallel/pool.js';
import { requireObligations, runRecords, type CaseTask, type Counts } from '../pipeline.js';
import { Progress } from '../progress.js';
import { closingLine, exitCode } from '../report.js';

/** Options every command that reads snapshots shares. */
export const INPUT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  'input-format': { type: 'string', value: '<fmt>', description: `${INPUT_FORMATS.join('|')}; default: from the file extension, else recognised from the content.` },
  'allow-errors': { type: 'boolean', description: 'Exit 0 even when records were rejected (they are still reported).' },
  quiet: { type: 'boolean', short: 'q', description: 'No progress bar, and no closing line unless records were rejected or had warnings.' },
  strict: { type: 'boolean', description: 'Reject records with fields the schema does not know (by default they are evaluated, and each such record gets a warning row).' },
  'max-record-size': { type: 'string', value: '<millions>', description: 'The most characters one record (a line, an array element, a CSV row) may have, in millions (default 64).' },
};


/** `evaluate`: every obligation of every case as of a date. */
export const evaluateSpec: CommandSpec = {
  name: 'evaluate',
  summary: 'Evaluates each case snapshot against a rule set as of a date and writes its obligations: due date, status and why, citing the standard.',
  usage: ['evaluate <file|-> --rules <id> --as-of <date> [options]'],
  details: [
    'Snapshots are read as JSON (one or an array), JSON Lines or CSV (one row per event, below), record by record, so memory stays flat however large the input. A record that cannot be used becomes an error row naming its line, its case id when legible and each problem (code and field path); the run goes on. Data goes to stdout; the progress bar and the closing line "N read, N evaluated, N rejected" go to stderr. Exit code 1 when any record was rejected (unless --allow-errors), 2 for a usage error.',
    'JSON Lines (--detail compact, the default) gives one row per case evaluated (with --only or --due-within, per case with something to show): {"row":"case", caseId, team, worker, counts (by status, not-applicable included), obligations: [{ruleId, instance, status, due, satisfiedOn, lateWorkingDays, lateCalendarDays, explanation}]}, the explanation on obligations overdue, due, unknown or excepted (a met one says it in its dates). Each rule is cited by its id: a {"row":"rule", ruleId, ruleSet, area, title, cite: {document, section, quote}} row comes once, before the first case that cites it. Not-applicable obligations are counted, not listed, unless --only names them. --detail full writes one row per obligation, everything the library returns but the working (not-applicable ones too); --trace adds the working and the quote to each. Rejected records and warnings are "error" and "warning" rows in every detail.',
    `--only picks statuses: breaches (overdue and met late), due, all, or a comma-separated list of statuses (${STATUSES.join(', ')}); the text format, and JSON Lines and CSV in compact detail, hide not-applicable obligations (text says how many) unless --only is given. --due-within keeps only the due obligations falling due by the as-of date plus the duration (${DURATION_HELP}); with it, --only defaults to due.`,
    CSV_LAYOUT_HELP,
    'CSV output escapes cells beginning with =, +, -, @, tab or carriage return with a leading single quote, so that a spreadsheet does not run them as formulas.',
  ],
  options: {
    ...RULE_OPTIONS,
    format: { type: 'string', short: 'f', value: '<fmt>', description: 'jsonl (default), csv or text (a report for people).' },
    only: { type: 'string', value: '<which>', description: 'breaches, due, all (default) or a list of statuses.' },
    'due-within': { type: 'string', value: '<duration>', description: 'The forward planner: only obligations due by as-of + duration, e.g. 10wd, 2w.' },
    bom: { type: 'boolean', description: 'Start CSV output with a UTF-8 byte order mark, for Excel.' },
    detail: { type: 'string', value: '<level>', description: 'compact (default: one JSON line per case, rules cited by id, not-applicable counted) or full (one row per obligation, as the library gives it).' },
    trace: { type: 'boolean', description: 'JSON Lines: every obligation in full (as --detail full) with the working (trace) and the verbatim quote.' },
    ...INPUT_OPTIONS,
    ...JOBS_OPTION,
    ...FROM_OPTIONS,
  },
  positionals: { min: 1, max: 1000, names: 'one input file (or - for stdin), or with --from every file of the return' },
  examples: [
    'evaluate cases.jsonl --rules leeds-2023 --as-of 2024-04-09 --only breaches --format text',
    'evaluate cases.jsonl --rules leeds-2023 --as-of 2024-04-09 --detail full --jobs 4 > obligations.jsonl',
    'evaluate cases.csv --rules west-berkshire --as-of 2024-04-09 --format csv --bom > obligations.csv',
    'evaluate - --rules leeds-2023 --as-of 2024-04-09 --due-within 10wd --format text < cases.jsonl',
    'evaluate --from ssda903 header.csv episodes.csv reviews.csv missing.csv --rules leeds-2023 --as-of 2018-03-31 --format text',
    'evaluate --from cin-census census.xml --from ssda903 header.csv episodes.csv reviews.csv --rules england-statutory --as-of 2023-03-31 --format text',
  ],
};

const SELECTIONS: Readonly<Record<string, readonly ObligationStatus[]>> = {
  breaches: ['overdue', 'met-late'],
  all: STATUSES,
  ...Object.fromEntries(STATUSES.map((s) => [s, [s]])),
};

/**
 * The statuses `--only` asks for.
 * @throws UsageError listing what is accepted.
 */
export function selectedStatuses(parsed: Parsed, fallback: string): ReadonlySet<ObligationStatus> {
  const text = stringOption(parsed, 'only') ?? fallback;
  const out = new Set<ObligationStatus>();
  for (const word of text.split(',').map((s) => s.trim())) {
    const statuses = SELECTIONS[word];
    if (!statuses) throw new UsageError(`--only takes breaches, due, all or a comma-separated list of: ${STATUSES.join(', ')}.`);
    statuses.forEach((s) => out.add(s));
  }
  return out;
}

/**
 * The last due date `--due-within` keeps: the as-of date plus the duration.
 * @throws UsageError for school days or a date beyond the calendar.
 */
function dueByDate(text: string, asOf: string, calendar: WorkingDayCalendar): string {
  const d = parseDurationText(text, '--due-within');
  if (d.schoolDays !== undefined) throw new UsageError('--due-within cannot count school days: term dates differ from child to child.');
  // The as-of date is a whole day, so hours are counted as whole days.
  const span = d.hours !== undefined ? { days: Math.ceil(d.hours / 24) } : d;
  const day = calendar.addNumber(parseIsoDate(asOf), span);
  if (day > calendar.lastDay) throw new UsageError(`--due-within reaches beyond ${calendar.range.to}, the last date the calendar covers.`);
  return formatIsoDate(day);
}

/** What `evaluate` settles from its options, the same in the main thread and in every worker. */
interface EvaluatePlan {
  readonly format: ObligationFormat;
  readonly detail: Detail;
  readonly ruleSet: RuleSet;
  readonly asOf: string;
  readonly calendar: WorkingDayCalendar;
  readonly assumed: ReturnType<typeof assumeOption>;
  readonly statuses: ReadonlySet<ObligationStatus>;
  readonly dueBy: string | undefined;
  /** Not-applicable obligations are counted, not written, unless --only asks for them or --detail full (JSON Lines, CSV). */
  readonly hideNotApplicable: boolean;
  /** Compact JSON Lines with nothing filtered: every case gets its row, even with no obligation listed. */
  readonly everyCase: boolean;
  readonly writer: ObligationWriter;
}

/**
 * Settles `evaluate`'s options.
 * @throws UsageError for any that is wrong.
 */
async function evaluatePlan(parsed: Parsed, io: Pick<CliIo, 'cwd'>): Promise<EvaluatePlan> {
  const format = choiceOption(parsed, 'format', OBLIGATION_FORMATS, 'jsonl');
  const trace = parsed.values.trace === true;
  const detail = trace ? 'full' : choiceOption(parsed, 'detail', DETAILS, 'compact');
  const calendar = calendarOption(parsed);
  const asOf = asOfOption(parsed, calendar);
  const ruleSet = await ruleSetOption(parsed, io);
  const dueWithin = stringOption(parsed, 'due-within');
  const statuses = selectedStatuses(parsed, dueWithin === undefined ? 'all' : 'due');
  const dueBy = dueWithin === undefined ? undefined : dueByDate(dueWithin, asOf, calendar);
  const which = stringOption(parsed, 'only') ?? (dueBy === undefined ? 'all' : 'due');
  // For people, and in the compact output, rules that do not apply are counted, not listed.
  const hideNotApplicable = stringOption(parsed, 'only') === undefined && (format === 'text' || detail === 'compact');
  const writer = obligationWriter(format, {
    detail,
    trace,
    bom: parsed.values.bom === true,
    heading: `Obligations as of ${asOf} under ${ruleSet.id} (${ruleSet.title}): ${which}${dueBy === undefined ? '' : `, due by ${dueBy}`}.`,
  });
  const everyCase = format === 'jsonl' && detail === 'compact' && stringOption(parsed, 'only') === undefined && dueBy === undefined;
  return { format, detail, ruleSet, asOf, calendar, assumed: assumeOption(parsed), statuses, dueBy, hideNotApplicable, everyCase, writer };
}

/** What `evaluate` writes for one case, rendered in the thread that evaluated it. */
export interface CaseOutput extends CaseText {
  /** Obligations written. */
  readonly shown: number;
  /** Not-applicable obligations counted but not written. */
  readonly hidden: number;
}

function caseTask(plan: EvaluatePlan): CaseTask<CaseOutput> {
  const { ruleSet, asOf, calendar, assumed, statuses, dueBy, hideNotApplicable, everyCase, writer } = plan;
  return (snapshot) => {
    const report = requireObligations(evaluateValidated(snapshot, { ruleSet, asOf, calendar, ...assumed }));
    const list: Obligation[] = [];
    let hidden = 0;
    for (const o of report.obligations) {
      if (hideNotApplicable && o.status === 'not-applicable') hidden++;
      else if (statuses.has(o.status) && (dueBy === undefined || o.status !== 'due' || o.due === null || o.due.slice(0, 10) <= dueBy)) list.push(o);
    }
    if (list.length === 0 && !everyCase) return { text: '', rules: [], shown: 0, hidden };
    return { ...writer.case(report, list), shown: list.length, hidden };
  };
}

/**
 * `evaluate`'s task for each snapshot: evaluate, keep what the options ask for, and write it.
 * @throws UsageError for a wrong option.
 */
export async function evaluateTask(parsed: Parsed, io: Pick<CliIo, 'cwd'>): Promise<CaseTask<CaseOutput>> {
  return caseTask(await evaluatePlan(parsed, io));
}

/** Runs `evaluate`. */
export async function evaluateCommand(parsed: Parsed, io: CliIo): Promise<number> {
  const [file] = parsed.positionals as [string];
  const plan = await evaluatePlan(parsed, io);
  const { writer } = plan;
  const quiet = parsed.values.quiet === true;
  const judges = await batchJudge('evaluate', parsed, io, async () => caseTask(plan));
  const out = new Output(io.stdout);
  let shown = 0;
  let hidden = 0;
  let casesShown = 0;
  const cited = new Set<string>();
  let counts: Counts;
  let from: OpenedImport | undefined;
  try {
    from = await openFrom(parsed, io, quiet, 'evaluate');
    const input = from ?? (await openPending(file, io, inputFormatOption(parsed), readLimitsOption(parsed), judges.lineBytes === true));
    out.write(writer.head);
    counts = await runRecords(
      input.records,
      judges,
      {
        accept(c) {
          hidden += c.hidden;
          if (c.text === '') return;
          shown += c.shown;
          if (c.shown > 0) casesShown++;
          for (const id of c.rules) {
            if (cited.has(id)) continue;
            cited.add(id);
            out.write(`${JSON.stringify(ruleJson(findRule(plan.ruleSet, id)))}\n`);
          }
          out.write(c.text);
        },
        reject: (r) => out.write(writer.reject(r)),
        warn: (w) => out.write(writer.warn(w)),
        flush: () => out.flush(),
      },
      { bar: new Progress(io.stderr, io.stderrIsTTY && !quiet, 'evaluate', input.text.totalBytes), bytes: () => input.text.bytesRead },
    );
  } finally {
    await judges.close();
  }
  if (plan.format === 'text') {
    out.write(`${shown} obligation${shown === 1 ? '' : 's'} shown for ${casesShown} case${casesShown === 1 ? '' : 's'} of ${counts.evaluated} evaluated${counts.rejected > 0 ? `; ${counts.rejected} record${counts.rejected === 1 ? '' : 's'} rejected (listed above)` : ''}.\n`);
    if (hidden > 0) out.write(`${hidden} not-applicable obligation${hidden === 1 ? '' : 's'} hidden; --only all shows them.\n`);
  }
  await out.flush(true);
  closingLine(io.stderr, counts, quiet);
  from?.close(counts.rejected > 0);
  return exitCode(counts, parsed.values['allow-errors'] === true);
}
