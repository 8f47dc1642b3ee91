import { isWellFormedText } from './utf8.js';

/**
 * One problem with an input record, as the command line reports it: a stable `code`, the field
 * `path` (`events[2].date`, or empty for the whole record) and what to do. Never the value.
 * `line` points at the CSV row the problem is on when a case spans several rows.
 */
export interface Problem {
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly line?: number;
}

/** A record as a reader found it, before validation. */
export interface InputRecord {
  /** First line of the record in the input, counting from 1. */
  readonly line: number;
  /** The case (or worker) id when it could be read, even from a broken record. */
  readonly caseId: string | undefined;
  /** The parsed value, when the record could be parsed at all. */
  readonly value?: unknown;
  /** Problems found while reading (broken JSON, ambiguous CSV dates …). */
  readonly problems: readonly Problem[];
  /** CSV only: the line of each event's row, to point schema problems at rows. */
  readonly eventLines?: readonly number[];
}

/** A source of records, in input order, in batches read from one chunk of input each. */
export type RecordSource = AsyncIterable<InputRecord[]>;

/**
 * A JSON line not parsed yet: parsing is left to whichever thread evaluates it, so that the
 * thread reading the input only splits lines (see `--jobs`).
 */
export interface UnreadLine {
  /** The line's number, counting from 1. */
  readonly line: number;
  readonly text: string;
}

/** A record as read, or a JSON line still to parse. */
export type PendingRecord = InputRecord | UnreadLine;

/**
 * Whole JSON lines as the input's bytes, not decoded yet: the thread reading the input only finds
 * line ends, and the thread that evaluates them decodes and splits them (see `line-bytes.ts`).
 */
export interface LineBytes {
  /** The number of the first line, counting from 1. */
  readonly firstLine: number;
  /** The lines, each ended by a line feed but the input's last one. */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** The limit the lines were read under ({@link ReadLimits}). */
  readonly maxRecordChars: number;
}

/** A batch of records: as read, or JSON lines still to parse, or JSON lines still to decode. */
export type PendingBatch = PendingRecord[] | LineBytes;

/** Like {@link RecordSource}, but JSON lines may come unparsed, or as bytes. */
export type PendingSource = AsyncIterable<PendingBatch>;

/** How much of the input one record may take, so a single huge record cannot exhaust memory. */
export interface ReadLimits {
  /** The most characters one record (a JSON line, an array element, a CSV row) may have. */
  readonly maxRecordChars: number;
}

/** One record may be up to 64 million characters: a case with a hundred thousand events is well within it. */
export const DEFAULT_READ_LIMITS: ReadLimits = { maxRecordChars: 64_000_000 };

/** The problem reported for a record longer than the limit. */
export function recordTooLarge(limits: ReadLimits): Problem {
  return {
    code: 'record-too-large',
    path: '',
    message: `This record is longer than ${limits.maxRecordChars} characters, the most one record may have, so it was not read: split it, or raise --max-record-size.`,
  };
}

/** A usable id: non-empty, at most 200 characters, and read from UTF-8 text. */
function usableId(id: unknown): string | undefined {
  return typeof id === 'string' && id.length > 0 && id.length <= 200 && isWellFormedText(id) ? id : undefined;
}

/** The case (or worker) id of a parsed record, when it is a usable id. */
export function recordId(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  return usableId(v.caseId ?? v.workerId);
}

const ID_FIELD = /"(?:caseId|workerId)"\s*:\s*"((?:[^"\\\n]|\\.){1,200})"/;

/**
 * The case id of a record that is not valid JSON, when it is still legible, so that the error
 * row names the case. Ids are not personal data; nothing else from the record is kept.
 */
export function legibleCaseId(text: string): string | undefined {
  const m = ID_FIELD.exec(text);
  if (!m) return undefined;
  try {
    return usableId(JSON.parse(`"${m[1]!}"`));
  } catch {
    return undefined;
  }
}

/**
 * Why a piece of text is not JSON, without quoting it: V8's own messages quote the input, which
 * may be about a child. Only the character position is kept.
 */
export function jsonProblem(error: unknown, what: string): Problem {
  const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
  const where = position === undefined ? '' : ` (at character ${Number(position) + 1})`;
  return { code: 'invalid-json', path: '', message: `${what} is not valid JSON${where}: check for a missing comma, bracket or quote.` };
}
