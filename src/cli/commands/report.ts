import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { evaluateValidated, TimescaleError } from '../../index.js';
import { version } from '../../../package.json';
import { stringOption, type CommandSpec, type Parsed } from '../args.js';
import { UsageError } from '../errors.js';
import { gatherReports } from '../gather-reports.js';
import { assumeOption, FROM_OPTIONS } from '../input/import-source.js';
import { Output, type CliIo } from '../io.js';
import { asOfOption, calendarOption, ruleSetOption, RULE_OPTIONS } from '../options.js';
import { inThisThread, requireObligations } from '../pipeline.js';
import { closingLine, exitCode } from '../report.js';
import { CASE_FILTER_OPTIONS, caseFilter } from '../summary/filters.js';
import { INPUT_OPTIONS } from './evaluate.js';

/** `report`: the caseload as one self-contained HTML page for managers. */
export const reportSpec: CommandSpec = {
  name: 'report',
  summary: 'Writes a caseload report as one self-contained HTML page: headline figures, on time by rule and by team, the 12-month trend, overdue now, what comes due, and each child’s timeline.',
  usage: ['report <file|-> --rules <id> --as-of <date> -o report.html [options]'],
  details: [
    'Reads snapshots as evaluate does. The page needs no network and no other file: it opens from a shared drive or an email attachment, works with scripts off (the filters by team, worker and rule area need them) and prints. It holds case-level data (case ids, teams and workers, nothing else from the snapshots) and says so at the top and on every printed page. Rejected records are listed on stderr, counted in the closing line and in the page; exit code 1 when any was rejected (unless --allow-errors).',
    '--team and --worker keep only the cases of the named teams or workers (comma-separated). --thresholds sets the red/amber/green bands: the lowest % on time that is green, then amber (default 90,75).',
  ],
  options: {
    ...RULE_OPTIONS,
    output: { type: 'string', short: 'o', value: '<file>', description: 'The HTML file to write (default: stdout).' },
    ...CASE_FILTER_OPTIONS,
    'due-within': { type: 'string', value: '<n>', description: 'The planner: what falls due in the next n working days (default 10), e.g. 10 or 10wd.' },
    thresholds: { type: 'string', value: '<g,a>', description: 'Red/amber/green: the lowest % on time that is green, and amber (default 90,75).' },
    ...INPUT_OPTIONS,
    ...FROM_OPTIONS,
  },
  positionals: { min: 1, max: 1000, names: 'one input file (or - for stdin), or with --from every file of the return' },
  examples: ['report cases.jsonl --rules leeds-2023 --as-of 2024-04-09 -o report.html', 'report cases.csv --rules west-berkshire --as-of 2024-04-09 --team east,west --due-within 15 -o east-west.html'],
};

function plannerDays(parsed: Parsed, fallback: number): number {
  const text = stringOption(parsed, 'due-within');
  if (text === undefined) return fallback;
  const m = /^(\d{1,3})(wd)?$/.exec(text);
  if (!m || Number(m[1]) < 1) throw new UsageError('--due-within takes a number of working days from 1 to 999, e.g. 10 or 10wd.');
  return Number(m[1]);
}

/** Runs `report`. */
export async function reportCommand(parsed: Parsed, io: CliIo): Promise<number> {
  // The report module brings the chart library; only this command loads it.
  const { CaseloadFigures, DEFAULT_PLANNER_DAYS, DEFAULT_THRESHOLDS, TREND_MONTHS, renderPage, thresholdsProblem } = await import('../../report/index.js');
  const [file] = parsed.positionals as [string];
  const calendar = calendarOption(parsed);
  const asOf = asOfOption(parsed, calendar);
  const ruleSet = await ruleSetOption(parsed, io);
  const filter = caseFilter(parsed);
  const days = plannerDays(parsed, DEFAULT_PLANNER_DAYS);
  const thresholdText = stringOption(parsed, 'thresholds');
  let thresholds = DEFAULT_THRESHOLDS;
  if (thresholdText !== undefined) {
    const m = /^(\d{1,3}(?:\.\d+)?),(\d{1,3}(?:\.\d+)?)$/.exec(thresholdText.replace(/\s|%/g, ''));
    thresholds = m ? { green: Number(m[1]), amber: Number(m[2]) } : { green: NaN, amber: NaN };
    const problem = thresholdsProblem(thresholds);
    if (problem) throw new UsageError(`--thresholds: ${problem}`);
  }
  const output = stringOption(parsed, 'output');
  const quiet = parsed.values.quiet === true;
  let figures: InstanceType<typeof CaseloadFigures>;
  try {
    figures = new CaseloadFigures({ ruleSet, asOf, calendar, plannerDays: days, trendMonths: TREND_MONTHS });
  } catch (e) {
    if (!(e instanceof TimescaleError)) throw e;
    throw new UsageError(`--due-within reaches beyond ${calendar.range.to}, the last date the calendar covers.`);
  }
  // Reports are gathered whole, with their explanations: evaluated in this thread.
  const context = { ruleSet, asOf, calendar, ...assumeOption(parsed) };
  const judges = { ...inThisThread((snapshot) => requireObligations(evaluateValidated(snapshot, context)), { strict: parsed.values.strict === true }), close: async () => {} };
  const { counts, from } = await gatherReports(file, parsed, io, 'report', judges, (report) => {
    if (filter.keep(report)) figures.add(report);
  });
  figures.rejected = counts.rejected;
  const html = await renderPage(figures, { thresholds, generator: `practice-timescales ${version}`, ...(filter.description ? { narrowedTo: `only ${filter.description}` } : {}) });
  if (output === undefined || output === '-') {
    const out = new Output(io.stdout);
    out.write(html);
    await out.flush(true);
  } else {
    const path = resolve(io.cwd ?? process.cwd(), output);
    try {
      await writeFile(path, html, 'utf8');
    } catch (e) {
      throw new UsageError(`The report cannot be written to ${output} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    if (!quiet) io.stderr.write(`Report written to ${output} (${Math.round(Buffer.byteLength(html) / 1024).toLocaleString('en-GB')} kB).\n`);
  }
  closingLine(io.stderr, counts, quiet);
  from?.close(counts.rejected > 0);
  return exitCode(counts, parsed.values['allow-errors'] === true);
}
