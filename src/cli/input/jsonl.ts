import { physicalLines } from './lines.js';
import { isWellFormedText, NOT_UTF8 } from './utf8.js';
import { jsonProblem, legibleCaseId, recordId, recordTooLarge, DEFAULT_READ_LIMITS, type InputRecord, type ReadLimits, type RecordSource } from './record.js';

function readLine(body: string, line: number): InputRecord {
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
export async function* readJsonLines(chunks: AsyncIterable<string>, limits: ReadLimits = DEFAULT_READ_LIMITS): RecordSource {
  for await (const lines of physicalLines(chunks, limits)) {
    const batch: InputRecord[] = [];
    for (const { number, text, tooLarge } of lines) {
      if (tooLarge) batch.push({ line: number, caseId: legibleCaseId(text), problems: [recordTooLarge(limits)] });
      else if (text.trim() !== '') batch.push(readLine(text, number));
    }
    if (batch.length > 0) yield batch;
  }
}
