import { jsonProblem, legibleCaseId, recordId, type InputRecord, type RecordSource } from './record.js';

const OPEN_OBJECT = 123; // {
const CLOSE_OBJECT = 125; // }
const OPEN_ARRAY = 91; // [
const CLOSE_ARRAY = 93; // ]
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const NEWLINE = 10;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function parseRecord(text: string, line: number): InputRecord {
  try {
    const value: unknown = JSON.parse(text);
    return { line, caseId: recordId(value), value, problems: [] };
  } catch (e) {
    return { line, caseId: legibleCaseId(text), problems: [jsonProblem(e, 'The record starting on this line')] };
  }
}

/**
 * A JSON document: one snapshot, or an array of snapshots. The document is split into its
 * top-level records by a scanner that follows only brackets and strings, so each snapshot is
 * parsed on its own: memory holds one snapshot at a time, a broken snapshot is reported with
 * the line it starts on, and the ones after it are still read.
 */
export async function* readJsonDocument(chunks: AsyncIterable<string>): RecordSource {
  let line = 1;
  let inArray = false;
  let depth = 0; // nesting inside the current record
  let inString = false;
  let escaped = false;
  let pending = ''; // text of the current record from earlier chunks
  let recordLine = 0;
  let inRecord = false;
  let strayReported = false; // content outside any record is reported once, where first seen
  for await (const chunk of chunks) {
    const batch: InputRecord[] = [];
    let start = 0; // where the current record starts in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) line++;
      if (inRecord) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) inString = false;
          continue;
        }
        if (c === QUOTE) inString = true;
        else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
        else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
          depth--;
          if (depth === 0) {
            batch.push(parseRecord(pending + chunk.slice(start, i + 1), recordLine));
            pending = '';
            inRecord = false;
          }
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (inArray && c === COMMA) continue;
      if (inArray && c === CLOSE_ARRAY) {
        inArray = false;
        continue;
      }
      if (!inArray && c === OPEN_ARRAY) {
        inArray = true;
        continue;
      }
      if (c === OPEN_OBJECT) {
        inRecord = true;
        depth = 1;
        start = i;
        recordLine = line;
        continue;
      }
      if (!strayReported) {
        strayReported = true;
        batch.push({ line, caseId: undefined, problems: [{ code: 'invalid-json', path: '', message: 'Only snapshot objects (or an array of them) may stand here: check for a missing bracket or stray text.' }] });
      }
    }
    if (inRecord) pending += chunk.slice(start);
    if (batch.length > 0) yield batch;
  }
  if (inRecord) {
    yield [{ line: recordLine, caseId: undefined, problems: [{ code: 'invalid-json', path: '', message: 'The input ends inside the record starting on this line: a bracket or quote is not closed.' }] }];
  } else if (inArray) {
    yield [{ line, caseId: undefined, problems: [{ code: 'invalid-json', path: '', message: 'The input ends before the array is closed with ].' }] }];
  }
}
