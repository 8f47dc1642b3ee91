import { physicalLines, type Line } from './lines.js';
import { isWellFormedText, NOT_UTF8 } from './utf8.js';
import { jsonProblem, legibleCaseId, recordId, recordTooLarge, DEFAULT_READ_LIMITS, type InputRecord, type PendingRecord, type ReadLimits, type RecordSource, type UnreadLine } from './record.js';

/** Parses one JSON line into a record: its value and id, or why it cannot be read. */
export function readLine(body: string, line: number): InputRecord {
  if (!isWellFormedText(body)) return { line, caseId: legibleCaseId(body), problems: [NOT_UTF8] };
  try {
    const value: unknown = JSON.parse(body);
    return { line, caseId: recordId(value), value, problems: [] };
  } catch (e) {
    return { line, caseId: legibleCaseId(body), problems: [jsonProblem(e, 'This line')] };
  }
}

/**
 * JSON Lines: one snapshot per line, read line by line so that memory holds one chunk of input
 * at a time. Blank lines are skipped (but counted, so line numbers match an editor's). A line
 * longer than the limit is rejected without being kept; its case id is read from its start.
 */
export function readJsonLines(chunks: AsyncIterable<string>, limits: ReadLimits = DEFAULT_READ_LIMITS): RecordSource {
  return jsonLines(chunks, limits, readLine);
}

/**
 * JSON Lines as {@link readJsonLines} reads them, but each line left unparsed ({@link readLine}
 * parses it later, in the thread that evaluates it). A line over the limit is still rejected here.
 */
export function unreadJsonLines(chunks: AsyncIterable<string>, limits: ReadLimits = DEFAULT_READ_LIMITS): AsyncIterable<PendingRecord[]> {
  return jsonLines(chunks, limits, unread);
}

/**
 * What one line of JSON Lines becomes: an error for a line over the limit (its case id read from
 * its start), nothing for a blank line (it is still counted), else what `read` makes of it.
 */
export function lineRecord<T>(line: Line, limits: ReadLimits, read: (text: string, line: number) => T): T | InputRecord | undefined {
  if (line.tooLarge) return { line: line.number, caseId: legibleCaseId(line.text), problems: [recordTooLarge(limits)] };
  return line.text.trim() === '' ? undefined : read(line.text, line.number);
}

/** Leaves a line unparsed, for the thread that evaluates it. */
export function unread(text: string, line: number): UnreadLine {
  return { line, text };
}

async function* jsonLines<T extends PendingRecord>(chunks: AsyncIterable<string>, limits: ReadLimits, read: (text: string, line: number) => T): AsyncGenerator<(T | InputRecord)[]> {
  for await (const lines of physicalLines(chunks, limits)) {
    const batch: (T | InputRecord)[] = [];
    for (const line of lines) {
      const record = lineRecord(line, limits, read);
      if (record !== undefined) batch.push(record);
    }
    if (batch.length > 0) yield batch;
  }
}
