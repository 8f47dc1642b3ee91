import { version } from '../../package.json';
import { helpText, parseCommand, PROGRAM, type CommandSpec, type Parsed } from './args.js';
import { calendarCommand, calendarSpec } from './commands/calendar.js';
import { evaluateCommand, evaluateSpec } from './commands/evaluate.js';
import { generateCommand, generateSpec } from './commands/generate.js';
import { importCommand, importSpec } from './commands/import.js';
import { reconcileCommand, reconcileSpec } from './commands/reconcile.js';
import { reportCommand, reportSpec } from './commands/report.js';
import { rulesCommand, rulesSpec } from './commands/rules.js';
import { summaryCommand, summarySpec } from './commands/summary.js';
import { validateCommand, validateSpec } from './commands/validate.js';
import { UsageError } from './errors.js';
import { OutputClosed, type CliIo } from './io.js';
import { printable } from './output/text.js';

export type { CliIo } from './io.js';
export { nodeIo } from './io.js';

const COMMANDS: readonly (readonly [CommandSpec, (parsed: Parsed, io: CliIo) => Promise<number>])[] = [
  [evaluateSpec, evaluateCommand],
  [summarySpec, summaryCommand],
  [validateSpec, validateCommand],
  [generateSpec, generateCommand],
  [calendarSpec, calendarCommand],
  [importSpec, importCommand],
  [reconcileSpec, reconcileCommand],
  [reportSpec, reportCommand],
  [rulesSpec, rulesCommand],
];

function programHelp(): string {
  const width = Math.max(...COMMANDS.map(([s]) => s.name.length)) + 2;
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    "Children's social care practice standards as code: every obligation for every case, with its due date, status and a plain-English explanation citing the standard.",
    '',
    'Commands:',
    ...COMMANDS.map(([s]) => `  ${s.name.padEnd(width)}${s.summary.split(': ')[0]!.split('. ')[0]}.`.replace(/\.\.$/, '.')),
    '',
    'Options:',
    '  -h, --help     Show this help (or a command\'s, after its name) and exit.',
    '  -v, --version  Show the version and exit.',
    '',
    'Exit codes: 0 done; 1 some records were rejected (they are reported; --allow-errors to exit 0); 2 the command was called wrongly; 3 an unexpected failure.',
    '',
    `Run '${PROGRAM} <command> --help' for a command's options.`,
    '',
  ].join('\n');
}

/**
 * Runs the command line with the given arguments (without `node` and the script) and streams.
 * Data goes to `io.stdout`, messages to `io.stderr`.
 *
 * @returns the exit code: 0 success, 1 when records were rejected (unless `--allow-errors`),
 * 2 for a usage error (unknown command or option, missing file or value).
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const spec = name === 'help' && rest[0] !== undefined ? COMMANDS.find(([s]) => s.name === rest[0])?.[0] : undefined;
    // Without a command, the help is the answer to a mistake: it goes to stderr.
    (name === undefined ? io.stderr : io.stdout).write(spec ? helpText(spec) : programHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  const command = COMMANDS.find(([s]) => s.name === name);
  if (!command) {
    io.stderr.write(`${PROGRAM}: there is no command ${printable(name.startsWith('-') ? `option ${name}` : `"${name}"`)}. Commands: ${COMMANDS.map(([s]) => s.name).join(', ')}. Options: --help, --version.\n`);
    return 2;
  }
  const [spec, handler] = command;
  try {
    const parsed = parseCommand(spec, rest);
    if (parsed === 'help') {
      io.stdout.write(helpText(spec));
      return 0;
    }
    return await handler(parsed, io);
  } catch (e) {
    if (e instanceof OutputClosed) return 0;
    if (e instanceof UsageError) {
      io.stderr.write(`${PROGRAM} ${spec.name}: ${printable(e.message)}\nRun '${PROGRAM} ${spec.name} --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
}
