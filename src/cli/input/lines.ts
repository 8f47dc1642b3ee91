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
 * One line put together from the pieces of it each chunk holds. Each character is looked at
 * once, however long the line is: the pieces are joined once, when its end arrives. A line longer
 * than the limit is not kept: only its start, to name its case. A carriage return before the line
 * feed is dropped. The one home of what a line is, for text read in this thread and for the bytes
 * a worker thread decodes (see `line-bytes.ts`).
 */
export class LineBuilder {
  private pieces: string[] = [];
  private size = 0;
  private head: string | undefined; // set once the line is over the limit

  constructor(private readonly limits: ReadLimits) {}

  /** Whether any of the line has been kept since the last {@link finish}. */
  get started(): boolean {
    return this.size > 0 || this.head !== undefined;
  }

  /** Adds the next piece of the line. */
  keep(piece: string): void {
    if (this.head !== undefined || piece === '') return;
    this.size += piece.length;
    if (this.size <= this.limits.maxRecordChars) this.pieces.push(piece);
    else {
      this.head = (this.pieces.join('') + piece).slice(0, HEAD);
      this.pieces = [];
    }
  }

  /** The line kept so far, numbered; the builder starts the next line. */
  finish(number: number): Line {
    let line: Line;
    if (this.head !== undefined) line = { number, text: this.head, tooLarge: true };
    else {
      const text = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
      line = { number, text: text.endsWith('\r') ? text.slice(0, -1) : text, tooLarge: false };
    }
    this.pieces = [];
    this.size = 0;
    this.head = undefined;
    return line;
  }
}

/** Splits text into lines, batch by batch (one batch per chunk), as {@link LineBuilder} reads them. */
export async function* physicalLines(chunks: AsyncIterable<string>, limits: ReadLimits): AsyncGenerator<Line[]> {
  const line = new LineBuilder(limits);
  let number = 0;
  for await (const chunk of chunks) {
    const batch: Line[] = [];
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      line.keep(chunk.slice(start, nl));
      batch.push(line.finish(++number));
      start = nl + 1;
    }
    if (start < chunk.length) line.keep(chunk.slice(start));
    if (batch.length > 0) yield batch;
  }
  if (line.started) yield [line.finish(++number)];
}
