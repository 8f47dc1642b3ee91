import { TimescaleError } from '../../errors.js';
import { DEFAULT_GENERATED_AS_OF, generateCaseload } from '../../generate/index.js';
import { requiredOption, stringOption, type CommandSpec, type Parsed } from '../args.js';
import { UsageError } from '../errors.js';
import { Output, type CliIo } from '../io.js';
import { Progress } from '../progress.js';

/** `generate`: a seeded synthetic caseload as JSON Lines. */
export const generateSpec: CommandSpec = {
  name: 'generate',
  summary: 'Writes a seeded synthetic caseload as JSON Lines: fictional children (ids, categories and dates only), mostly on time with some breaches. The same seed always gives the same caseload.',
  usage: ['generate --cases <n> --seed <s> [--as-of <date>]'],
  options: {
    cases: { type: 'string', short: 'n', value: '<n>', description: 'How many snapshots to write.' },
    seed: { type: 'string', short: 's', value: '<s>', description: 'A whole number; the same seed gives the same caseload.' },
    'as-of': { type: 'string', value: '<date>', description: `The date the snapshots are exported on; no event is later (default ${DEFAULT_GENERATED_AS_OF}).` },
    quiet: { type: 'boolean', short: 'q', description: 'No progress bar.' },
  },
  positionals: { min: 0, max: 0, names: '' },
  examples: ['generate --cases 1000 --seed 42 > cases.jsonl', 'generate --cases 100000 --seed 1 | practice-timescales summary - --rules leeds-2023 --as-of 2024-04-09'],
};

function wholeNumber(text: string, name: string, min: number): number {
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < min) {
    throw new UsageError(`--${name} must be a whole number${min === 0 ? ' of 0 or more' : ''}.`);
  }
  return Number(text);
}

/** Runs `generate`. */
export async function generateCommand(parsed: Parsed, io: CliIo): Promise<number> {
  const cases = wholeNumber(requiredOption(parsed, 'cases', 'how many snapshots to write.'), 'cases', 0);
  const seed = wholeNumber(requiredOption(parsed, 'seed', 'the same seed always gives the same caseload.'), 'seed', Number.MIN_SAFE_INTEGER);
  const asOf = stringOption(parsed, 'as-of');
  const out = new Output(io.stdout);
  const bar = new Progress(io.stderr, io.stderrIsTTY && parsed.values.quiet !== true, 'generate', undefined);
  try {
    let n = 0;
    for (const snapshot of generateCaseload({ cases, seed, ...(asOf === undefined ? {} : { asOf }) })) {
      out.write(`${JSON.stringify(snapshot)}\n`);
      if (++n % 256 === 0) {
        bar.update(n, 0);
        await out.flush();
      }
    }
  } catch (e) {
    if (e instanceof TimescaleError) throw new UsageError(`${e.path[0] === 'asOf' ? '--as-of: ' : ''}${e.message}`);
    throw e;
  }
  bar.clear();
  await out.flush(true);
  return 0;
}
