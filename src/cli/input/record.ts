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

/** The case (or worker) id of a parsed record, when it is a usable id. */
export function recordId(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const id = v.caseId ?? v.workerId;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
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
    return JSON.parse(`"${m[1]!}"`) as string;
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
