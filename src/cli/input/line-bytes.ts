import { isUtf8 } from 'node:buffer';
import { unread, lineRecord } from './jsonl.js';
import { LineBuilder } from './lines.js';
import type { LineBytes, PendingBatch, PendingRecord, ReadLimits } from './record.js';
import { decodeUtf8, Utf8Text } from './utf8.js';

const LF = 10;

/**
 * Whole lines waiting once a chunk is read that make a batch: with the reader's chunks of 256 KB, a
 * batch is one chunk's lines, about 45 snapshots, enough that handing it to a worker costs little
 * beside evaluating it. Twice that doubled each thread's batches in flight and added a fifth to
 * the peak memory of `evaluate --jobs 2`, for no speed.
 */
export const LINE_BATCH_BYTES = 1 << 17;

/**
 * Buffers for batches of bytes, used again once the thread that decoded a batch gives its buffer
 * back. A buffer moved to a worker and dropped there would be freed only when that worker's
 * garbage collector next runs, which it does not hurry to do for memory outside its heap: up to
 * tens of megabytes of spent batches per thread. Used again, a few buffers do.
 */
export class BatchBuffers {
  private readonly free: ArrayBuffer[] = [];

  /** A view of `size` bytes at the start of a buffer of its own (a spare one when one is large enough). */
  take(size: number, capacity: number): Uint8Array<ArrayBuffer> {
    const i = this.free.findIndex((b) => b.byteLength >= size);
    const buffer = i === -1 ? new ArrayBuffer(Math.max(size, capacity)) : this.free.splice(i, 1)[0]!;
    return new Uint8Array(buffer, 0, size);
  }

  /** A buffer whose batch has been read, to use again. */
  give(buffer: ArrayBuffer): void {
    if (this.free.length < SPARE_BUFFERS) this.free.push(buffer);
  }
}

/** More than the batches a pool of workers has out at once (two per thread). */
const SPARE_BUFFERS = 16;

/** The buffers of every batch of bytes read in this thread. */
export const BATCH_BUFFERS = new BatchBuffers();

/**
 * A line longer in bytes than the limit, decoded here as it comes: it is over the limit in
 * characters, and kept only by its start, unless its characters take several bytes each.
 */
class LongLine {
  private readonly decoder = new Utf8Text();
  private readonly line: LineBuilder;

  constructor(private readonly limits: ReadLimits) {
    this.line = new LineBuilder(limits);
  }

  add(bytes: Buffer): void {
    this.line.keep(this.decoder.write(bytes));
  }

  /** The line's record (an error when it is over the limit), or none for a blank line. */
  finish(number: number): PendingRecord | undefined {
    this.line.keep(this.decoder.end());
    return lineRecord(this.line.finish(number), this.limits, unread);
  }
}

/** A copy of bytes in a buffer of its own, never shared with another's. */
function ownCopy(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

/**
 * JSON Lines as bytes, cut at line ends into batches of at least `batchBytes` ({@link LineBytes}),
 * for worker threads to decode and parse: this thread only looks for line feeds, counting them
 * to number the lines. Each batch is a copy of its bytes, at the start of a buffer of its own
 * ({@link BatchBuffers}), so that it can be moved to a worker rather than copied again. A line
 * longer in bytes than the limit comes on its own, as a record read here (see {@link LongLine}),
 * so that it is never kept whole.
 * What the batches hold, once decoded ({@link readLineBytes}), is what `readJsonLines` reads
 * from the same input: the same lines, numbers, blank lines and errors.
 * @param chunks the input's bytes, any byte order mark removed; each chunk may be overwritten
 * once the next is asked for (only the start of an unfinished line is copied to be kept)
 */
export async function* jsonLineBytes(chunks: AsyncIterable<Buffer>, limits: ReadLimits, batchBytes = LINE_BATCH_BYTES, buffers = BATCH_BUFFERS): AsyncGenerator<PendingBatch> {
  const limit = limits.maxRecordChars;
  // Bytes not handed on yet: whole lines, then the start of the next one.
  let pending: Buffer[] = [];
  let size = 0;
  /** Where the unfinished line starts in `pending`; the bytes before it are whole lines. */
  let lineStart = 0;
  /** Line feeds in `pending`. */
  let lines = 0;
  let firstLine = 1;
  let long: LongLine | undefined;

  /** The whole lines of `pending` as a batch, when there are any; the unfinished line stays. */
  function cut(): LineBytes | undefined {
    if (lineStart === 0) return undefined;
    const bytes = buffers.take(lineStart, 4 * batchBytes);
    let at = 0;
    const rest: Buffer[] = [];
    for (const piece of pending) {
      const take = Math.min(piece.length, lineStart - at);
      if (take > 0) bytes.set(take === piece.length ? piece : piece.subarray(0, take), at);
      if (take < piece.length) rest.push(take === 0 ? piece : piece.subarray(take));
      at += take;
    }
    const batch = { firstLine, bytes, maxRecordChars: limit };
    pending = rest;
    size -= lineStart;
    lineStart = 0;
    firstLine += lines;
    lines = 0;
    return batch;
  }

  /** Turns the unfinished line into a long line, after handing on the whole lines before it. */
  function goLong(): LineBytes | undefined {
    const batch = cut();
    long = new LongLine(limits);
    for (const piece of pending) long.add(piece);
    pending = [];
    size = 0;
    return batch;
  }

  function endLong(): PendingRecord[] | undefined {
    const record = long!.finish(firstLine++);
    long = undefined;
    return record === undefined ? undefined : [record];
  }

  for await (const chunk of chunks) {
    let from = 0; // bytes of the chunk before `from` are in `pending`, or were handed on
    if (long) {
      const nl = chunk.indexOf(LF);
      if (nl === -1) {
        long.add(chunk);
        continue;
      }
      long.add(chunk.subarray(0, nl));
      const record = endLong();
      if (record) yield record;
      from = nl + 1;
    }
    for (let nl = chunk.indexOf(LF, from); nl !== -1; nl = chunk.indexOf(LF, nl + 1)) {
      const end = size + nl - from; // where the line ends in `pending` and the chunk's rest
      if (end - lineStart <= limit) {
        lines++;
        lineStart = end + 1;
        continue;
      }
      pending.push(chunk.subarray(from, nl));
      size = end;
      const batch = goLong();
      if (batch) yield batch;
      const record = endLong();
      if (record) yield record;
      from = nl + 1;
    }
    if (from < chunk.length) {
      pending.push(from === 0 ? chunk : chunk.subarray(from));
      size += chunk.length - from;
    }
    if (size - lineStart > limit) {
      const batch = goLong();
      if (batch) yield batch;
    } else if (lineStart >= batchBytes) yield cut()!;
    // The chunk's buffer may be read into again (see `fileChunks`): what is kept of it is copied.
    pending = pending.map((piece) => (piece.buffer === chunk.buffer ? ownCopy(piece) : piece));
  }
  if (long) {
    const record = endLong();
    if (record) yield record;
    return;
  }
  if (size > lineStart) {
    lines++;
    lineStart = size;
  }
  const batch = cut();
  if (batch) yield batch;
}

/**
 * The records of a batch of lines, in the thread that evaluates them: decoded as the input's
 * reader decodes (bytes that are not UTF-8 marked, so the record holding them is rejected), split
 * and numbered, blank lines skipped, each line left unparsed for `judge`. Each line is decoded on
 * its own: a line feed never falls inside a UTF-8 sequence, so this is the whole batch decoded and
 * split, and strings of one line are cheap to make where one string of the batch, too large for
 * the young generation's pages, is not.
 */
export function readLineBytes(batch: LineBytes): PendingRecord[] {
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  const valid = isUtf8(bytes);
  const limits = { maxRecordChars: batch.maxRecordChars };
  const line = new LineBuilder(limits);
  const records: PendingRecord[] = [];
  let number = batch.firstLine;
  for (let start = 0; start < bytes.length; number++) {
    let nl = bytes.indexOf(LF, start);
    if (nl === -1) nl = bytes.length;
    line.keep(valid ? bytes.toString('utf8', start, nl) : decodeUtf8(bytes.subarray(start, nl)));
    const record = lineRecord(line.finish(number), limits, unread);
    if (record !== undefined) records.push(record);
    start = nl + 1;
  }
  return records;
}
