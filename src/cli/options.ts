import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseIsoDate } from '../calendar/day-number.js';
import type { Duration } from '../calendar/duration.js';
import { englandAndWales } from '../calendar/england-and-wales.js';
import type { WorkingDayCalendar } from '../calendar/types.js';
import { TimescaleError } from '../errors.js';
import { getRuleSet, parseRuleSet, ruleSetIds } from '../rules/registry.js';
import type { RuleSet } from '../rules/rule-schema.js';
import { stringOption, type OptionSpec, type Parsed } from './args.js';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';

/** `--rules`, `--rules-file`, `--as-of` and `--closures`, shared by evaluate and summary. */
export const RULE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  rules: { type: 'string', value: '<id>', description: `The rule set: ${ruleSetIds.join(', ')}.` },
  'rules-file': { type: 'string', value: '<file>', description: 'A rule set of your own, as JSON (it may extend a shipped set), instead of --rules.' },
  'as-of': { type: 'string', value: '<date>', description: 'The date to evaluate as of, YYYY-MM-DD. Required: the clock is never read.' },
  closures: { type: 'string', value: '<dates>', description: 'Days the service is closed beyond bank holidays, comma-separated YYYY-MM-DD.' },
};

/**
 * The rule set named by `--rules`, or read from `--rules-file`.
 * @throws UsageError when neither or both are given, the id is unknown or the file is not a valid rule set.
 */
export async function ruleSetOption(parsed: Parsed, io: Pick<CliIo, 'cwd'>): Promise<RuleSet> {
  const id = stringOption(parsed, 'rules');
  const file = stringOption(parsed, 'rules-file');
  if (id !== undefined && file !== undefined) throw new UsageError('Give --rules or --rules-file, not both.');
  try {
    if (id !== undefined) return getRuleSet(id);
    if (file === undefined) throw new UsageError(`--rules is required: one of ${ruleSetIds.join(', ')} (or --rules-file with a rule set of your own).`);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(resolve(io.cwd ?? process.cwd(), file), 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `There is no file ${file}.` : `The rule set file ${file} cannot be read as JSON.`);
    }
    const set = parseRuleSet(raw);
    if (set.extends !== undefined) getRuleSet(set.extends);
    return set;
  } catch (e) {
    if (e instanceof TimescaleError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * `--as-of`, checked against the calendar's range.
 * @throws UsageError when missing, not an ISO date or outside the calendar.
 */
export function asOfOption(parsed: Parsed, calendar: WorkingDayCalendar): string {
  const v = stringOption(parsed, 'as-of');
  if (v === undefined) throw new UsageError('--as-of is required (YYYY-MM-DD): the date to evaluate as of. The clock is never read, so results can be reproduced.');
  let day: number;
  try {
    day = parseIsoDate(v);
  } catch {
    throw new UsageError('--as-of must be a date that exists, written YYYY-MM-DD (for example 2024-04-09).');
  }
  if (day < calendar.firstDay || day > calendar.lastDay) throw new UsageError(`--as-of must fall between ${calendar.range.from} and ${calendar.range.to}, the dates the calendar covers.`);
  return v;
}

/**
 * The England and Wales calendar with any `--closures`.
 * @throws UsageError for a closure that is not a date in the calendar's range.
 */
export function calendarOption(parsed: Parsed): WorkingDayCalendar {
  const closures = stringOption(parsed, 'closures');
  try {
    return englandAndWales(closures === undefined ? {} : { extraClosures: closures.split(',').map((s) => s.trim()).filter((s) => s !== '') });
  } catch (e) {
    if (e instanceof TimescaleError) throw new UsageError(`--closures: ${e.message}`);
    throw e;
  }
}

const UNITS: Readonly<Record<string, keyof Duration>> = { wd: 'workingDays', sd: 'schoolDays', d: 'days', w: 'weeks', m: 'months', y: 'years', h: 'hours' };
const DURATION = /^(-?)(\d+)(wd|sd|d|w|m|y|h)$/;
const YEARS_MONTHS = /^(-?)(\d+)y(\d+)m$/;

/** How durations are written on the command line, for help and error messages. */
export const DURATION_HELP = 'a number and a unit: wd (working days), d (days), w (weeks), m (months), y (years), h (hours), sd (school days); e.g. 10wd, 2w, 3m, 14y6m';

/**
 * Reads a duration written as on the command line: `10wd`, `2w`, `3m`, `5d`, `24h`, `14y6m`,
 * negative with a leading minus.
 * @throws UsageError naming what is accepted.
 */
export function parseDurationText(text: string, what: string): Duration {
  const ym = YEARS_MONTHS.exec(text);
  if (ym) {
    const sign = ym[1] === '-' ? -1 : 1;
    return { years: sign * Number(ym[2]), months: sign * Number(ym[3]) };
  }
  const m = DURATION.exec(text);
  if (!m) throw new UsageError(`${what} must be ${DURATION_HELP}.`);
  const amount = (m[1] === '-' ? -1 : 1) * Number(m[2]);
  return { [UNITS[m[3]!]!]: amount } as Duration;
}
