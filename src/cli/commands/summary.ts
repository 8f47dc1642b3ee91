import { choiceOption, stringOption, type CommandSpec, type Parsed } from '../args.js';
import { UsageError } from '../errors.js';
import { gatherReports } from '../gather-reports.js';
import { evaluateValidated, findRule, type RuleSet, type WorkingDayCalendar } from '../../index.js';
import { assumeOption, FROM_OPTIONS } from '../input/import-source.js';
import { Output, type CliIo } from '../io.js';
import { asOfOption, calendarOption, ruleSetOption, RULE_OPTIONS } from '../options.js';
import { BOM } from '../output/csv.js';
import { batchJudge, JOBS_OPTION } from '../parallel/pool.js';
import { requireObligations, type CaseTask } from '../pipeline.js';
import { closingLine, exitCode } from '../report.js';
import { CASE_FILTER_OPTIONS, caseFilter, type CaseFilter } from '../summary/filters.js';
import { summaryCsv, summaryJson, summaryText, type SummaryGroup } from '../summary/render.js';
import { Caseload, tallyCase, type CaseTally, type DescribeRule } from '../summary/tally.js';
import { INPUT_OPTIONS } from './evaluate.js';

const FORMATS = ['text', 'csv', 'json'] as const;

/** `summary`: the caseload view per rule, overall, by team and by worker. */
export const summarySpec: CommandSpec = {
  name: 'summary',
  summary: 'Summarises a caseload per rule: obligations met on time, met late, overdue and due, and the percentage on time; overall, by team and by worker; the longest overdue first.',
  usage: ['summary <file|-> --rules <id> --as-of <date> [options]'],
  details: [
    'After the overall figures and the longest overdue, --by gives the figures by team (the default for text), by worker, by both (team,worker; the default for csv and json) or none. --team and --worker keep only the cases of the named teams or workers (comma-separated). Rules are named by title, with their ids; teams and workers come in natural order (team-2 before team-10).',
    'Reads snapshots as evaluate does, record by record; only the counts are kept in memory. "On time" counts obligations met on time or under a recorded exception; "% on time" is of the obligations met or overdue (obligations still due are not yet judged), rounded down to one decimal. Rejected records are listed on stderr and counted in the closing line; exit code 1 when any was rejected (unless --allow-errors).',
  ],
  options: {
    ...RULE_OPTIONS,
    format: { type: 'string', short: 'f', value: '<fmt>', description: 'text (default, for people), csv or json.' },
    by: { type: 'string', value: '<groups>', description: 'team, worker, team,worker or none (default: team for text, team,worker for csv and json).' },
    ...CASE_FILTER_OPTIONS,
    top: { type: 'string', value: '<n>', description: 'How many of the longest overdue obligations to list (default 10; 0 for none).' },
    bom: { type: 'boolean', description: 'Start CSV output with a UTF-8 byte order mark, for Excel.' },
    ...INPUT_OPTIONS,
    ...JOBS_OPTION,
    ...FROM_OPTIONS,
  },
  positionals: { min: 1, max: 1000, names: 'one input file (or - for stdin), or with --from every file of the return' },
  examples: ['summary cases.jsonl --rules leeds-2023 --as-of 2024-04-09', 'summary cases.jsonl --rules leeds-2023 --as-of 2024-04-09 --team east --by worker', 'summary cases.csv --rules west-berkshire --as-of 2024-04-09 --format csv --bom > summary.csv'],
};

const GROUPS: Readonly<Record<string, readonly SummaryGroup[]>> = { team: ['team'], worker: ['worker'], 'team,worker': ['team', 'worker'], 'worker,team': ['team', 'worker'], none: [] };

/**
 * `--by`: the groups after the overall figures.
 * @throws UsageError listing the choices.
 */
function groupsOption(parsed: Parsed, fallback: string): ReadonlySet<SummaryGroup> {
  const groups = GROUPS[(stringOption(parsed, 'by') ?? fallback).replace(/\s/g, '')];
  if (!groups) throw new UsageError('--by must be team, worker, team,worker or none.');
  return new Set(groups);
}

/** What `summary` settles from its options, the same in the main thread and in every worker. */
interface SummaryPlan {
  readonly ruleSet: RuleSet;
  readonly asOf: string;
  readonly calendar: WorkingDayCalendar;
  readonly assumed: ReturnType<typeof assumeOption>;
  readonly filter: CaseFilter;
}

async function summaryPlan(parsed: Parsed, io: Pick<CliIo, 'cwd'>): Promise<SummaryPlan> {
  const calendar = calendarOption(parsed);
  const asOf = asOfOption(parsed, calendar);
  return { ruleSet: await ruleSetOption(parsed, io), asOf, calendar, assumed: assumeOption(parsed), filter: caseFilter(parsed) };
}

function countTask({ ruleSet, asOf, calendar, assumed, filter }: SummaryPlan): CaseTask<CaseTally | null> {
  return (snapshot) => {
    const report = requireObligations(evaluateValidated(snapshot, { ruleSet, asOf, calendar, ...assumed }));
    return filter.keep(report) ? tallyCase(report) : null;
  };
}

/**
 * `summary`'s task for each snapshot: evaluate it and keep only what the counts need (its
 * tally), or nothing for a case that --team or --worker leaves out.
 * @throws UsageError for a wrong option.
 */
export async function summaryTask(parsed: Parsed, io: Pick<CliIo, 'cwd'>): Promise<CaseTask<CaseTally | null>> {
  return countTask(await summaryPlan(parsed, io));
}

/** A rule's set and title by id, looked up once per rule. */
function describer(ruleSet: RuleSet): DescribeRule {
  const known = new Map<string, { ruleSet: string; title: string }>();
  return (id) => {
    let d = known.get(id);
    if (!d) {
      const found = findRule(ruleSet, id);
      d = { ruleSet: found.ruleSet.id, title: found.rule.title };
      known.set(id, d);
    }
    return d;
  };
}

/** Runs `summary`. */
export async function summaryCommand(parsed: Parsed, io: CliIo): Promise<number> {
  const [file] = parsed.positionals as [string];
  const format = choiceOption(parsed, 'format', FORMATS, 'text');
  const plan = await summaryPlan(parsed, io);
  const { ruleSet, asOf, filter } = plan;
  const topText = stringOption(parsed, 'top') ?? '10';
  if (!/^\d+$/.test(topText) || Number(topText) > 10000) throw new UsageError('--top must be a whole number from 0 to 10000.');
  const by = groupsOption(parsed, format === 'text' ? 'team' : 'team,worker');
  const quiet = parsed.values.quiet === true;
  const caseload = new Caseload(Number(topText), describer(ruleSet));
  const judges = await batchJudge('summary', parsed, io, async () => countTask(plan));
  const { counts, from } = await gatherReports(file, parsed, io, 'summary', judges, (c) => {
    if (c !== null) caseload.add(c);
  });
  const out = new Output(io.stdout);
  const ctx = { ruleSet, asOf, counts, by, ...(filter.description === undefined ? {} : { narrowedTo: filter.description }) };
  out.write(format === 'json' ? summaryJson(caseload, ctx) : format === 'csv' ? summaryCsv(caseload, parsed.values.bom === true ? BOM : '', by) : summaryText(caseload, ctx));
  await out.flush(true);
  closingLine(io.stderr, counts, quiet);
  from?.close(counts.rejected > 0);
  return exitCode(counts, parsed.values['allow-errors'] === true);
}
