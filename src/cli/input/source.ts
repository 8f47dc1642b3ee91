import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Utf8Text } from './utf8.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';

/** The byte order mark, as UTF-8. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** How much of a file is read at once. */
const CHUNK_BYTES = 1 << 18;

/**
 * A file's bytes, read chunk by chunk into one buffer used again for every chunk: each chunk is
 * valid only until the next is asked for. A stream's chunks are new buffers, freed only when the
 * main thread's garbage collector next runs, which it does not hurry to do for memory outside
 * its heap: tens of megabytes of chunks already read piled up in a long run. The file is closed
 * at its end, or when the reader stops early.
 */
export async function* fileChunks(path: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(chunkBytes);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

/**
 * Text read from a file or stdin, chunk by chunk, decoded as UTF-8 with any byte order mark
 * removed. Bytes that are not UTF-8 are kept as marks the readers recognise (see {@link Utf8Text}),
 * so the record holding them is rejected instead of read under a changed id. The first chunk can
 * be looked at before reading starts, to recognise the format. A chunk given by the stream may be
 * used again for the next one (see {@link fileChunks}): nothing here keeps one beyond the next read.
 */
export class TextSource implements AsyncIterable<string> {
  private readonly iterator: AsyncIterator<unknown>;
  private readonly decoder = new Utf8Text();
  private peeked: string | undefined;
  private started = false;
  private bytes = 0;
  private peeking = false;
  private peekedChunks: (Buffer | string)[] = [];

  /**
   * @param name the file name, or `-` for stdin
   * @param totalBytes the file's size when known, for the progress bar
   */
  constructor(
    readonly name: string,
    stream: AsyncIterable<unknown>,
    readonly totalBytes: number | undefined,
  ) {
    this.iterator = stream[Symbol.asyncIterator]();
  }

  /** Bytes read so far. */
  get bytesRead(): number {
    return this.bytes;
  }

  /** The next chunk as the stream gives it, counted; kept when {@link peek} reads it. */
  private async nextChunk(): Promise<Buffer | string | undefined> {
    const r = await this.iterator.next();
    if (r.done) return undefined;
    const chunk = r.value as Buffer | string;
    this.bytes += chunk.length;
    if (this.peeking) this.peekedChunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk)); // a copy: the chunk's buffer may be read into again
    return chunk;
  }

  private async next(): Promise<string | undefined> {
    for (;;) {
      const chunk = await this.nextChunk();
      if (chunk === undefined) {
        const tail = this.decoder.end();
        return tail === '' ? undefined : tail;
      }
      let text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
      // The first text decoded, not the first chunk: a chunk may end inside the byte order mark.
      if (!this.started && text !== '') {
        this.started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (text !== '') return text;
    }
  }

  /** The first non-empty chunk, without consuming it (empty string for empty input). */
  async peek(): Promise<string> {
    if (this.peeked === undefined) {
      this.peeking = true;
      this.peeked = (await this.next()) ?? '';
      this.peeking = false;
    }
    return this.peeked;
  }

  /**
   * The input as bytes, undecoded, any byte order mark removed: for readers that hand bytes to
   * the threads that decode them. Read either this or the text, not both. Each chunk is valid
   * only until the next is asked for.
   */
  async *byteChunks(): AsyncGenerator<Buffer> {
    const peeked = this.peekedChunks;
    this.peekedChunks = [];
    let start: Buffer | undefined = Buffer.alloc(0); // until the byte order mark is settled
    try {
      for (let c = peeked.shift() ?? (await this.nextChunk()); c !== undefined; c = peeked.shift() ?? (await this.nextChunk())) {
        let bytes = typeof c === 'string' ? Buffer.from(c) : c;
        if (start !== undefined) {
          bytes = start.length === 0 ? bytes : Buffer.concat([start, bytes]);
          if (bytes.length < BOM.length && BOM.subarray(0, bytes.length).equals(bytes)) {
            start = Buffer.from(bytes); // kept past the next read
            continue;
          }
          start = undefined;
          if (bytes.subarray(0, BOM.length).equals(BOM)) bytes = bytes.subarray(BOM.length);
        }
        if (bytes.length > 0) yield bytes;
      }
      if (start !== undefined && start.length > 0) yield start;
    } finally {
      await this.stop();
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    this.peekedChunks = []; // read as text: the peeked bytes are not needed
    try {
      if (this.peeked !== undefined) {
        const first = this.peeked;
        this.peeked = '';
        if (first !== '') yield first;
      }
      for (let t = await this.next(); t !== undefined; t = await this.next()) yield t;
    } finally {
      await this.stop();
    }
  }

  /** Lets the stream go (a file is closed) when reading ends, early or not. */
  private async stop(): Promise<void> {
    await this.iterator.return?.();
  }
}

/**
 * Opens a file (or `-` for stdin) for reading.
 * @throws UsageError when the file cannot be read, naming the file.
 */
export async function openText(file: string, io: CliIo): Promise<TextSource> {
  if (file === '-') return new TextSource('-', io.stdin, undefined);
  const path = resolve(io.cwd ?? process.cwd(), file);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UsageError(`${file} is not a file.`);
    size = s.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `There is no file ${file}.` : `Cannot read ${file} (${code ?? 'unknown error'}).`);
  }
  return new TextSource(file, fileChunks(path), size);
}
