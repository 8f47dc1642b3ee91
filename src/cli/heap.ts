import { setFlagsFromString } from 'node:v8';

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
