import type { ReadLimits } from './record.js';

/** One physical line of the input, without its line end. */
export interface Line {
  /** Counting from 1. */
  readonly number: number;
  /** The line's text; for a line over the limit, only its start. */
  readonly text: string;
  /** True when the line is longer than the limit and was not kept whole. */
  readonly tooLarge: boolean;
}

const HEAD = 4096;

/**
 * Splits text into lines, batch by batch (one batch per chunk). Each character is looked at
 * once, however long a line is: an unfinished line is kept as pieces and joined once, when its
 * end arrives. A line longer than the limit is not kept: only its start, to name its case. A
 * carriage return before the line feed is dropped.
 */
export async function* physicalLines(chunks: AsyncIterable<string>, limits: ReadLimits): AsyncGenerator<Line[]> {
  let pieces: string[] = [];
  let size = 0;
  let head: string | undefined; // set once the line is over the limit
  let number = 0;
  const keep = (piece: string) => {
    if (head !== undefined || piece === '') return;
    size += piece.length;
    if (size <= limits.maxRecordChars) pieces.push(piece);
    else {
      head = (pieces.join('') + piece).slice(0, HEAD);
      pieces = [];
    }
  };
  const finish = (): Line => {
    number++;
    let line: Line;
    if (head !== undefined) line = { number, text: head, tooLarge: true };
    else {
      const text = pieces.length === 1 ? pieces[0]! : pieces.join('');
      line = { number, text: text.endsWith('\r') ? text.slice(0, -1) : text, tooLarge: false };
    }
    pieces = [];
    size = 0;
    head = undefined;
    return line;
  };
  for await (const chunk of chunks) {
    const batch: Line[] = [];
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      keep(chunk.slice(start, nl));
      batch.push(finish());
      start = nl + 1;
    }
    if (start < chunk.length) keep(chunk.slice(start));
    if (batch.length > 0) yield batch;
  }
  if (size > 0 || head !== undefined) yield [finish()];
}
