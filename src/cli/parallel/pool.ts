import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { stringOption, type OptionSpec, type Parsed } from '../args.js';
import { UsageError } from '../errors.js';
import { oldGenerationWatch } from '../heap.js';
import { BATCH_BUFFERS } from '../input/line-bytes.js';
import type { PendingBatch } from '../input/record.js';
import type { CliIo } from '../io.js';
import { inThisThread, type BatchJudge, type CaseTask, type Outcome } from '../pipeline.js';
import type { TaskCommand, TaskInit, WorkerReply } from './protocol.js';

/** `--jobs`, shared by the commands that evaluate a caseload. */
export const JOBS_OPTION: Readonly<Record<string, OptionSpec>> = {
  jobs: { type: 'string', short: 'j', value: '<n>', description: "How many threads evaluate (default: the machine's cores); 1 evaluates in the main thread. Output is the same, in the same order, for any number." },
};

/**
 * The judge of a command's records: in this thread with `--jobs 1`, else a pool of worker threads
 * that build the same task from the same options.
 * @throws UsageError for a bad `--jobs`.
 */
export async function batchJudge<P>(command: TaskCommand, parsed: Parsed, io: Pick<CliIo, 'cwd' | 'cores'>, localTask: () => Promise<CaseTask<P>>): Promise<BatchJudge<P> & { close(): Promise<void> }> {
  const jobs = jobsOption(parsed, io.cores ?? 1);
  const options = { strict: parsed.values.strict === true };
  if (jobs === 1) return { ...inThisThread(await localTask(), options), close: async () => {} };
  return new WorkerPool<P>(jobs, { command, values: parsed.values, cwd: io.cwd });
}

/**
 * `--jobs`: a whole number from 1 to 256, else the default given.
 * @throws UsageError for anything else.
 */
export function jobsOption(parsed: Parsed, fallback: number): number {
  const text = stringOption(parsed, 'jobs');
  if (text === undefined) return Math.max(1, Math.min(fallback, 256));
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 256) throw new UsageError('--jobs must be a whole number from 1 to 256.');
  return Number(text);
}

/**
 * The worker's script: `cli-worker.js` beside the built `cli.js`, or from the sources (under
 * tsx or vitest) `worker.ts` beside this file, loaded through tsx.
 */
function workerScript(): { readonly url: URL; readonly eval?: string } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { url: new URL('./cli-worker.js', here) };
  const url = new URL('./worker.ts', here);
  // tsx's ESM API as `import` resolves it (require.resolve would give its CommonJS build).
  const require = createRequire(here);
  const manifest = require.resolve('tsx/package.json');
  const api = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default;
  const tsx = pathToFileURL(join(dirname(manifest), api)).href;
  return { url, eval: `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))` };
}

/**
 * The most a worker's young generation may take, in megabytes: semi-spaces of 8 MB (V8 gives a
 * young generation three semi-spaces' worth). V8's own limit, 48 MB, is reached within seconds
 * by a thread judging batches, and all of it is touched: with two workers and the main thread,
 * young generations alone held about 96 MB of a `summary`'s 280 MB at 400,000 snapshots, and
 * the part still growing at the end of a short run made the peak depend on the run's length.
 * At 8 MB a batch's garbage still dies young (a batch of 128 KB of input makes a few megabytes)
 * and runs measured no slower. Only the young generation is capped: the old one must hold a record
 * of any size (see `heap.ts`).
 */
const YOUNG_GENERATION_MB = 24;

interface Pending<P> {
  readonly resolve: (outcomes: Outcome<P>[]) => void;
  readonly reject: (e: Error) => void;
}

/**
 * Worker threads that judge batches of records: each batch goes to the thread with the fewest
 * batches waiting, and its outcomes come back to the caller in the order the batches were given
 * (`runRecords` settles them oldest first). At most `window` batches are out at once, so memory
 * holds a few batches per thread whatever the input's size.
 */
export class WorkerPool<P> implements BatchJudge<P> {
  readonly window: number;
  readonly lineBytes = true;
  private readonly threads: { readonly worker: Worker; readonly pending: Map<number, Pending<P>> }[] = [];
  private next = 0;
  private failure: Error | undefined;
  /**
   * Keeps this thread's old generation within a few megabytes of what is live: with the work in
   * the workers, the outcomes it takes in are what it promotes (see `heap.ts`; not the workers').
   * Made before any worker starts.
   */
  private readonly watchOldGeneration = oldGenerationWatch();

  constructor(jobs: number, init: TaskInit) {
    this.window = 2 * jobs;
    const script = workerScript();
    for (let i = 0; i < jobs; i++) {
      const options = { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } };
      const worker = script.eval === undefined ? new Worker(script.url, options) : new Worker(script.eval, { ...options, eval: true });
      const thread = { worker, pending: new Map<number, Pending<P>>() };
      worker.on('message', (reply: WorkerReply<P>) => {
        if (reply.spent) BATCH_BUFFERS.give(reply.spent);
        const p = thread.pending.get(reply.id);
        thread.pending.delete(reply.id);
        if (reply.error !== undefined) p?.reject(this.fail(new Error(reply.error)));
        else p?.resolve(reply.outcomes);
      });
      worker.on('error', (e) => this.failAll(thread.pending, e));
      worker.on('exit', (code) => this.failAll(thread.pending, new Error(`A worker thread stopped (exit code ${code}).`)));
      this.threads.push(thread);
    }
  }

  private fail(e: Error): Error {
    this.failure ??= e;
    return e;
  }

  private failAll(pending: Map<number, Pending<P>>, e: Error): void {
    this.fail(e);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  }

  judge(batch: PendingBatch): Promise<Outcome<P>[]> {
    if (this.failure) return Promise.reject(this.failure);
    this.watchOldGeneration();
    let thread = this.threads[0]!;
    for (const t of this.threads) if (t.pending.size < thread.pending.size) thread = t;
    const id = this.next++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      // Bytes are moved to the worker, not copied: their buffer is the batch's own (see `jsonLineBytes`).
      thread.worker.postMessage({ id, batch }, Array.isArray(batch) ? [] : [batch.bytes.buffer]);
    });
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
