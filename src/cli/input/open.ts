import { extname } from 'node:path';
import { choiceOption, stringOption, type Parsed } from '../args.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { readCsvSnapshots } from './csv.js';
import { readJsonDocument } from './json.js';
import { readJsonLines, unreadJsonLines } from './jsonl.js';
import { jsonLineBytes } from './line-bytes.js';
import { DEFAULT_READ_LIMITS, type PendingSource, type ReadLimits, type RecordSource } from './record.js';
import { openText, type TextSource } from './source.js';

/** The input formats: a JSON document (one snapshot or an array), JSON Lines, or CSV. */
export const INPUT_FORMATS = ['json', 'jsonl', 'csv'] as const;
/** An input format. */
export type InputFormat = (typeof INPUT_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = { '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv' };

/**
 * Recognises the format of stdin or a file without a telling extension from its first chunk:
 * `[` starts a JSON array; `{` starts JSON Lines when the first line is a whole JSON value, or a
 * JSON document spread over lines; anything else is CSV.
 */
export function sniffFormat(first: string): InputFormat {
  const text = first.trimStart();
  if (text.startsWith('[')) return 'json';
  if (!text.startsWith('{')) return 'csv';
  const nl = text.indexOf('\n');
  if (nl === -1) return 'jsonl';
  try {
    JSON.parse(text.slice(0, nl));
    return 'jsonl';
  } catch {
    return 'json';
  }
}

/** Opens a file and settles its format: the one given, else the extension's, else recognised. */
async function openFormat(file: string, io: CliIo, given: InputFormat | undefined): Promise<{ text: TextSource; format: InputFormat }> {
  const text = await openText(file, io);
  return { text, format: given ?? BY_EXTENSION[extname(file).toLowerCase()] ?? sniffFormat(await text.peek()) };
}

/** Records read from a file (or `-` for stdin), and the text source for progress. */
export interface OpenedInput {
  readonly format: InputFormat;
  readonly text: TextSource;
  readonly records: RecordSource;
}

/**
 * Opens an input of snapshots. The format is the one given, else the file's extension, else
 * recognised from the first chunk.
 * @throws UsageError when the file cannot be read.
 */
export async function openSnapshots(file: string, io: CliIo, given?: InputFormat, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<OpenedInput> {
  const { text, format } = await openFormat(file, io, given);
  const records = format === 'jsonl' ? readJsonLines(text, limits) : format === 'json' ? readJsonDocument(text, limits) : readCsvSnapshots(text, limits);
  return { format, text, records };
}

/**
 * Opens an input as {@link openSnapshots} does, with JSON lines left unparsed (the threads that
 * evaluate them parse them) or, with `lineBytes`, left as bytes (the threads that evaluate them
 * decode them too; see `line-bytes.ts`).
 */
export async function openPending(file: string, io: CliIo, given?: InputFormat, limits: ReadLimits = DEFAULT_READ_LIMITS, lineBytes = false): Promise<{ readonly text: TextSource; readonly records: PendingSource }> {
  const { text, format } = await openFormat(file, io, given);
  const jsonl = () => (lineBytes ? jsonLineBytes(text.byteChunks(), limits) : unreadJsonLines(text, limits));
  const records = format === 'jsonl' ? jsonl() : format === 'json' ? readJsonDocument(text, limits) : readCsvSnapshots(text, limits);
  return { text, records };
}

/**
 * `--input-format`, when given.
 * @throws UsageError listing the formats.
 */
export function inputFormatOption(parsed: Parsed): InputFormat | undefined {
  return parsed.values['input-format'] === undefined ? undefined : choiceOption(parsed, 'input-format', INPUT_FORMATS, 'jsonl');
}

/**
 * `--max-record-size`, in millions of characters, when given.
 * @throws UsageError unless it is a whole number from 1 to 2000.
 */
export function readLimitsOption(parsed: Parsed): ReadLimits {
  const text = stringOption(parsed, 'max-record-size');
  if (text === undefined) return DEFAULT_READ_LIMITS;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 2000) throw new UsageError('--max-record-size must be a whole number of millions of characters, from 1 to 2000.');
  return { maxRecordChars: Number(text) * 1_000_000 };
}
