import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Utf8Text } from './utf8.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';

/**
 * Text read from a file or stdin, chunk by chunk, decoded as UTF-8 with any byte order mark
 * removed. Bytes that are not UTF-8 are kept as marks the readers recognise (see {@link Utf8Text}),
 * so the record holding them is rejected instead of read under a changed id. The first chunk can be looked at before reading starts, to recognise the format.
 */
export class TextSource implements AsyncIterable<string> {
  private readonly iterator: AsyncIterator<unknown>;
  private readonly decoder = new Utf8Text();
  private peeked: string | undefined;
  private started = false;
  private bytes = 0;

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

  private async next(): Promise<string | undefined> {
    for (;;) {
      const r = await this.iterator.next();
      if (r.done) {
        const tail = this.decoder.end();
        return tail === '' ? undefined : tail;
      }
      const chunk = r.value;
      let text: string;
      if (typeof chunk === 'string') {
        this.bytes += chunk.length;
        text = chunk;
      } else {
        const buf = chunk as Buffer;
        this.bytes += buf.length;
        text = this.decoder.write(buf);
      }
      if (!this.started) {
        this.started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (text !== '') return text;
    }
  }

  /** The first non-empty chunk, without consuming it (empty string for empty input). */
  async peek(): Promise<string> {
    this.peeked ??= (await this.next()) ?? '';
    return this.peeked;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    if (this.peeked !== undefined) {
      const first = this.peeked;
      this.peeked = '';
      if (first !== '') yield first;
    }
    for (let t = await this.next(); t !== undefined; t = await this.next()) yield t;
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
  return new TextSource(file, createReadStream(path, { highWaterMark: 1 << 18 }), size);
}
