import { jsonProblem, legibleCaseId, recordId, type InputRecord, type RecordSource } from './record.js';

function readLine(text: string, line: number): InputRecord | undefined {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  const body = end === text.length ? text : text.slice(0, end);
  if (body.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return { line, caseId: recordId(value), value, problems: [] };
  } catch (e) {
    return { line, caseId: legibleCaseId(body), problems: [jsonProblem(e, 'This line')] };
  }
}

/**
 * JSON Lines: one snapshot per line, read line by line so that memory holds one chunk of input
 * at a time. Blank lines are skipped (but counted, so line numbers match an editor's).
 */
export async function* readJsonLines(chunks: AsyncIterable<string>): RecordSource {
  let carry = '';
  let line = 0;
  for await (const chunk of chunks) {
    const text = carry === '' ? chunk : carry + chunk;
    const batch: InputRecord[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      line++;
      const rec = readLine(text.slice(start, nl), line);
      if (rec) batch.push(rec);
      start = nl + 1;
    }
    carry = text.slice(start);
    if (batch.length > 0) yield batch;
  }
  if (carry !== '') {
    const rec = readLine(carry, line + 1);
    if (rec) yield [rec];
  }
}
