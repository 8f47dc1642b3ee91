import { choiceOption, type CommandSpec, type Parsed } from '../args.js';
import { inputFormatOption, openSnapshots, readLimitsOption } from '../input/open.js';
import { Output, type CliIo } from '../io.js';
import { BOM, csvRows } from '../output/csv.js';
import { CSV_COLUMNS, rejectionCsv, rejectionJson, warningCsv, warningJson } from '../output/rows.js';
import { rejectionText, warningText } from '../output/text.js';
import { processRecords } from '../pipeline.js';
import { Progress } from '../progress.js';
import { closingLine, exitCode } from '../report.js';
import { INPUT_OPTIONS } from './evaluate.js';

const FORMATS = ['text', 'jsonl', 'csv'] as const;

/** `validate`: checks snapshots against the schema without evaluating. */
export const validateSpec: CommandSpec = {
  name: 'validate',
  summary: 'Checks case snapshots against the schema without evaluating them, and reports every problem of every record: its line, case id, code and field path.',
  usage: ['validate <file|-> [options]'],
  details: ['Valid records produce no output, except a warning row for a record with fields the schema does not know (ignored; --strict rejects them). Exit code 1 when any record has a problem (unless --allow-errors).'],
  options: {
    format: { type: 'string', short: 'f', value: '<fmt>', description: 'text (default), jsonl or csv: the error rows, as evaluate writes them.' },
    bom: { type: 'boolean', description: 'Start CSV output with a UTF-8 byte order mark, for Excel.' },
    ...INPUT_OPTIONS,
  },
  positionals: { min: 1, max: 1, names: 'one input file (or - for stdin)' },
  examples: ['validate cases.csv', 'validate cases.jsonl --format jsonl > problems.jsonl'],
};

/** Runs `validate`. */
export async function validateCommand(parsed: Parsed, io: CliIo): Promise<number> {
  const [file] = parsed.positionals as [string];
  const format = choiceOption(parsed, 'format', FORMATS, 'text');
  const quiet = parsed.values.quiet === true;
  const input = await openSnapshots(file, io, inputFormatOption(parsed), readLimitsOption(parsed));
  const out = new Output(io.stdout);
  if (format === 'csv') out.write((parsed.values.bom === true ? BOM : '') + csvRows([CSV_COLUMNS]));
  const counts = await processRecords(
    input.records,
    {
      accept: () => {},
      reject: (r) => out.write(format === 'jsonl' ? `${JSON.stringify(rejectionJson(r))}\n` : format === 'csv' ? csvRows(rejectionCsv(r)) : rejectionText(r)),
      warn: (w) => out.write(format === 'jsonl' ? `${JSON.stringify(warningJson(w))}\n` : format === 'csv' ? csvRows(warningCsv(w)) : warningText(w)),
      flush: () => out.flush(),
    },
    { bar: new Progress(io.stderr, io.stderrIsTTY && !quiet, 'validate', input.text.totalBytes), bytes: () => input.text.bytesRead },
    { strict: parsed.values.strict === true },
  );
  await out.flush(true);
  closingLine(io.stderr, counts, quiet, 'valid');
  return exitCode(counts, parsed.values['allow-errors'] === true);
}
