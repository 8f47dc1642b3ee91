import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';

/**
 * Where a command reads and writes. `run` takes it as a parameter so that tests can run the
 * command line in-process with in-memory streams; `nodeIo` gives the real process streams.
 */
export interface CliIo {
  readonly stdin: Readable;
  /** Data only: rows, reports, summaries. */
  readonly stdout: Writable;
  /** People only: usage errors, rejected-record notes, the progress bar and the closing line. */
  readonly stderr: Writable;
  /** True when stderr is a terminal; only then is a progress bar drawn. */
  readonly stderrIsTTY: boolean;
  /** Base for relative file paths (default: the process's working directory). */
  readonly cwd?: string;
  /** How many threads `--jobs` uses by default: the machine's cores for the real process, 1 when not given. */
  readonly cores?: number;
}

/** The process's own streams. */
export function nodeIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, stderrIsTTY: process.stderr.isTTY === true, cores: availableParallelism() };
}

/** Thrown when the reader of stdout has gone away (e.g. `| head`): the run stops quietly. */
export class OutputClosed extends Error {
  constructor() {
    super('The output was closed by its reader.');
    this.name = 'OutputClosed';
  }
}

const FLUSH_AT = 1 << 16;

/** Resolves when a stream asks for more, or can take no more; listeners are removed either way. */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

/**
 * Buffers small writes into large ones and waits for the stream to drain when it asks to, so
 * that output never piles up in memory however large the input.
 */
export class Output {
  private parts: string[] = [];
  private size = 0;
  private closed = false;
  private failure: Error | undefined;

  constructor(private readonly stream: Writable) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') this.closed = true;
      else this.failure = e;
    });
  }

  private full = false;

  /** Queues text, handing it to the stream in pieces of about 64 kB. */
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) this.push();
  }

  private push(): void {
    if (this.size === 0 || this.closed) return;
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(text)) this.full = true;
  }

  /**
   * Waits until the stream has taken what it was given (backpressure), writing out what is
   * queued when it is large, or always with `force`.
   */
  async flush(force = false): Promise<void> {
    if (force) this.push();
    if (this.full) {
      this.full = false;
      if (this.stream.writableNeedDrain) await drained(this.stream);
    }
    if (this.failure) throw this.failure;
    if (this.closed) throw new OutputClosed();
  }
}
