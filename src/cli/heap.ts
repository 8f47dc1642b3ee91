import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * How much larger than the live heap each thread's old generation may grow before its next full
 * collection, in per cent. V8 otherwise lets it grow to as much as four times the live heap: a
 * command reading a caseload keeps about 15 MB live in each thread, but garbage that outlived two
 * young collections (a batch being judged, the outcomes on their way back) piles up to some 50 MB
 * per thread before it is collected, so that the peak depends on how long the run lasted (a run
 * of 10,000 snapshots ended before any thread got there; one of 100,000 reached it in all three).
 * At 50% a full collection comes every few megabytes promoted and costs a few milliseconds.
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Keeps the command line's memory flat over a long run: sets V8's heap growing factor for this
 * process, whose worker threads share V8's settings. It is not a limit: a heap holding a huge
 * record grows to hold it, only collected sooner after. Called once, by the command's entry, before
 * any worker starts; never by the library, whose callers own their process.
 */
export function keepHeapSteady(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * How far the main thread's old generation may grow past what its last full collection left, in
 * bytes, before {@link oldGenerationWatch} collects it. V8's own trigger, whatever the growing
 * factor, is at least 8 MB past the live heap plus the young generation's capacity (16 MB in the
 * main thread): with `--jobs 2` the main thread promoted 10 to 14 MB a second of the outcomes it
 * takes in, and its old generation held some 8 MB more at the end of a run of 100,000 snapshots
 * than of 10,000. At 4 MB it is as large a second into a run as at its end.
 */
export const OLD_GENERATION_STEP_BYTES = 4 << 20;

/**
 * A check, made between batches, that collects this thread's heap in full when its old
 * generation has grown by `stepBytes` since the last full collection (its own or V8's). Not a
 * limit: after a collection the step is counted from what is live, however large. Only for a
 * thread whose code is not the hot path: a full collection asked for this way also throws away
 * optimised code that holds objects weakly (V8 deoptimises it for "weak objects"), and in the
 * workers, which evaluate, it cost a `summary` of 100,000 snapshots about 45% more CPU time.
 * @param collect a full collection (by default V8's, see {@link fullCollection})
 * @param measure bytes in the old generation (by default {@link oldGenerationBytes})
 */
export function oldGenerationWatch(stepBytes = OLD_GENERATION_STEP_BYTES, collect = fullCollection(), measure = oldGenerationBytes): () => void {
  let floor = measure();
  return () => {
    const now = measure();
    if (now < floor) floor = now; // V8 collected it
    else if (now - floor >= stepBytes) {
      collect();
      floor = measure();
    }
  };
}

/** Bytes of objects in this thread's heap outside its young generation. */
export function oldGenerationBytes(): number {
  let bytes = 0;
  for (const space of getHeapSpaceStatistics()) if (!space.space_name.startsWith('new_')) bytes += space.space_used_size;
  return bytes;
}

/**
 * V8's full collection, as `--expose-gc` gives it to a context made while the flag is set: a
 * context of its own here (the thread's own was made before), the flag switched off again at
 * once, so that no worker started later has a global `gc`. The flag is shared by every thread:
 * only the main thread asks for it, before it starts any.
 */
function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  try {
    return runInNewContext('gc') as () => void;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
