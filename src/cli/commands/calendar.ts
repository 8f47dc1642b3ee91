import { TimescaleError } from '../../errors.js';
import type { CommandSpec, Parsed } from '../args.js';
import { UsageError } from '../errors.js';
import { Output, type CliIo } from '../io.js';
import { calendarOption, parseDurationText, DURATION_HELP } from '../options.js';

/** `calendar`: the working-day calendar from the shell. */
export const calendarSpec: CommandSpec = {
  name: 'calendar',
  summary: 'Working-day arithmetic on the England and Wales calendar (bank holidays and weekends), with any closure days.',
  usage: ['calendar add <date> <duration>', 'calendar between <from> <to>', 'calendar is-working-day <date>'],
  details: [
    `add: the date a duration after (or, negative, before) a date; ${DURATION_HELP}. Working days follow Excel's WORKDAY: the start day is not counted. Hours need a date-time with an offset, e.g. 2024-03-04T09:30:00+00:00.`,
    'between: the number of working days d with from < d <= to (negative when to is before from).',
    'is-working-day: true or false.',
  ],
  options: {
    closures: { type: 'string', value: '<dates>', description: 'Days the service is closed beyond bank holidays, comma-separated YYYY-MM-DD.' },
  },
  positionals: { min: 2, max: 3, names: 'a subcommand (add, between or is-working-day) and its dates' },
  examples: ['calendar add 2024-03-28 10wd', 'calendar add 2024-04-09 -- -3wd', 'calendar between 2024-03-28 2024-04-09', 'calendar is-working-day 2024-04-01'],
};

/** Runs `calendar`. */
export async function calendarCommand(parsed: Parsed, io: CliIo): Promise<number> {
  const [sub, a, b] = parsed.positionals as [string, string, string | undefined];
  const calendar = calendarOption(parsed);
  const out = new Output(io.stdout);
  const need = (n: number, usage: string) => {
    if (parsed.positionals.length !== n) throw new UsageError(`Usage: calendar ${usage}`);
  };
  try {
    switch (sub) {
      case 'add':
        need(3, 'add <date> <duration>');
        out.write(`${calendar.add(a, parseDurationText(b!, 'The duration'))}\n`);
        break;
      case 'between':
        need(3, 'between <from> <to>');
        out.write(`${calendar.workingDaysBetween(a, b!)}\n`);
        break;
      case 'is-working-day':
        need(2, 'is-working-day <date>');
        out.write(`${calendar.isWorkingDay(a)}\n`);
        break;
      default:
        throw new UsageError('The calendar subcommands are add, between and is-working-day.');
    }
  } catch (e) {
    if (e instanceof TimescaleError) throw new UsageError(e.message);
    throw e;
  }
  await out.flush(true);
  return 0;
}
