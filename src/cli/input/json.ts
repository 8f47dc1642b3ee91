import { isWellFormedText, NOT_UTF8 } from './utf8.js';
import { jsonProblem, legibleCaseId, recordId, recordTooLarge, DEFAULT_READ_LIMITS, type InputRecord, type ReadLimits, type RecordSource } from './record.js';

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
  if (!isWellFormedText(text)) return { line, caseId: legibleCaseId(text), problems: [NOT_UTF8] };
  try {
    const value: unknown = JSON.parse(text);
    return { line, caseId: recordId(value), value, problems: [] };
  } catch (e) {
    return { line, caseId: legibleCaseId(text), problems: [jsonProblem(e, 'The record starting on this line')] };
  }
}

/** The text of one element (or top-level object), gathered across chunks up to the size limit. */
class Element {
  private parts: string[] = [];
  private size = 0;
  private head = '';
  tooLarge = false;
  /** Open brackets, innermost last. */
  readonly open: number[] = [];
  inString = false;
  escaped = false;

  constructor(
    readonly line: number,
    private readonly limits: ReadLimits,
  ) {}

  add(piece: string): void {
    if (this.tooLarge || piece === '') return;
    this.size += piece.length;
    if (this.size <= this.limits.maxRecordChars) {
      this.parts.push(piece);
      return;
    }
    this.head = (this.parts.join('') + piece).slice(0, 4096);
    this.parts = [];
    this.tooLarge = true;
  }

  /**
   * A closing bracket. One that does not match the innermost open bracket closes the nearest
   * one it matches, so that a broken element (`{"events":[}`) ends where its writer meant it to
   * and the elements after it are read; one that matches nothing open is left for JSON to reject.
   */
  close(c: number): void {
    const opener = c === CLOSE_OBJECT ? OPEN_OBJECT : OPEN_ARRAY;
    const at = this.open.lastIndexOf(opener);
    if (at !== -1) this.open.length = at;
  }

  record(): InputRecord {
    if (this.tooLarge) return { line: this.line, caseId: legibleCaseId(this.head), problems: [recordTooLarge(this.limits)] };
    return parseRecord(this.parts.join('').trim(), this.line);
  }
}

/**
 * A JSON document: one snapshot, or an array of snapshots. The document is split into its
 * records by a scanner that follows only brackets, strings and commas, so each is parsed on its
 * own and memory holds one record at a time. Each element of the array is one record, whatever
 * it holds (an object, a number, a string, a broken object): it comes back as a result or as its
 * own error, and a broken element never takes the ones after it down with it: a mismatched
 * bracket closes the nearest bracket it matches, so a broken element ends where it was meant to,
 * and a string still open at the end of its line (JSON strings cannot hold a raw line break) ends
 * its element there. A stray bracket can still join elements on one line: JSON Lines is the
 * format that keeps every other record whatever one line holds.
 */
export async function* readJsonDocument(chunks: AsyncIterable<string>, limits: ReadLimits = DEFAULT_READ_LIMITS): RecordSource {
  let line = 1;
  let inArray = false;
  let element: Element | undefined;
  let strayReported = false; // content outside any record is reported once, where first seen
  for await (const chunk of chunks) {
    const batch: InputRecord[] = [];
    let start = 0; // where the current element's text starts in this chunk
    const end = (i: number) => {
      element!.add(chunk.slice(start, i));
      batch.push(element!.record());
      element = undefined;
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) line++;
      if (element) {
        const el = element;
        if (el.inString) {
          if (c === NEWLINE) {
            // JSON strings cannot hold a raw line break: a quote is missing or stray, and where the
            // element was meant to end cannot be known. It ends here, so the elements on later lines
            // are read (a pretty-printed element's remaining lines become error rows of their own).
            el.inString = false;
            if (inArray) end(i);
          } else if (el.escaped) el.escaped = false;
          else if (c === BACKSLASH) el.escaped = true;
          else if (c === QUOTE) el.inString = false;
          continue;
        }
        if (c === QUOTE) el.inString = true;
        else if (c === OPEN_OBJECT || c === OPEN_ARRAY) el.open.push(c);
        else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
          if (el.open.length > 0) {
            el.close(c);
            // Outside an array, a top-level object ends with its closing brace.
            if (!inArray && el.open.length === 0) end(i + 1);
          } else if (inArray && c === CLOSE_ARRAY) {
            end(i);
            inArray = false;
          }
        } else if (inArray && c === COMMA && el.open.length === 0) end(i);
        continue;
      }
      if (isSpace(c)) continue;
      if (inArray && c === COMMA) continue; // an empty slot holds no record
      if (inArray && c === CLOSE_ARRAY) {
        inArray = false;
        continue;
      }
      if (!inArray && c === OPEN_ARRAY) {
        inArray = true;
        continue;
      }
      if (inArray || c === OPEN_OBJECT) {
        element = new Element(line, limits);
        start = i;
        if (c === OPEN_OBJECT || c === OPEN_ARRAY) element.open.push(c);
        else if (c === QUOTE) element.inString = true;
        continue;
      }
      if (!strayReported) {
        strayReported = true;
        batch.push({ line, caseId: undefined, problems: [{ code: 'invalid-json', path: '', message: 'Only snapshot objects (or an array of them) may stand here: check for a missing bracket or stray text.' }] });
      }
    }
    if (element) element.add(chunk.slice(start));
    if (batch.length > 0) yield batch;
  }
  if (element) {
    const rec = element.record();
    const unfinished = element.open.length > 0 || element.inString;
    yield [
      unfinished
        ? { line: element.line, caseId: rec.caseId, problems: [{ code: 'invalid-json', path: '', message: 'The input ends inside the record starting on this line: a bracket or quote is not closed.' }] }
        : rec,
    ];
  } else if (inArray) {
    yield [{ line, caseId: undefined, problems: [{ code: 'invalid-json', path: '', message: 'The input ends before the array is closed with ].' }] }];
  }
}
