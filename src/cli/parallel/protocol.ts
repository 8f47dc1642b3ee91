import type { Parsed } from '../args.js';
import type { PendingBatch } from '../input/record.js';
import type { Outcome } from '../pipeline.js';

/** The commands whose records worker threads can evaluate. */
export type TaskCommand = 'evaluate' | 'summary';

/**
 * What a worker needs to build a command's task: the command and its parsed options (plain
 * data), from which it settles the rule set, calendar and output exactly as the main thread does.
 */
export interface TaskInit {
  readonly command: TaskCommand;
  readonly values: Parsed['values'];
  readonly cwd: string | undefined;
}

/** A batch for a worker: its number, and the records (JSON lines perhaps as bytes). */
export interface WorkerRequest {
  readonly id: number;
  readonly batch: PendingBatch;
}

/** A worker's answer to a batch: the outcomes in order, or why it could not judge them. */
export interface WorkerReply<P> {
  readonly id: number;
  readonly outcomes: Outcome<P>[];
  readonly error?: string;
  /** The buffer of a batch of bytes, given back to be used again (see `BatchBuffers`). */
  readonly spent?: ArrayBuffer;
}
