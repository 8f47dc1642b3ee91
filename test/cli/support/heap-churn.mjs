// Promotes garbage steadily, as a long command-line run does, and prints the largest old
// generation seen, in MB. Usage: node [--import tsx] heap-churn.mjs <heap module or "none"> [watch]
// (with "watch", the module's oldGenerationWatch is also checked every thousand records, as the
// main thread of `--jobs` does after each batch).
import { getHeapSpaceStatistics } from 'node:v8';
import { pathToFileURL } from 'node:url';

const module = process.argv[2];
const heap = module === 'none' ? undefined : await import(pathToFileURL(module).href);
heap?.keepHeapSteady();
const watch = process.argv[3] === 'watch' ? heap.oldGenerationWatch() : () => {};
const oldSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_size;
// About 20 MB live: a ring of records, each replaced long after it was made, so it is promoted.
const ring = new Array(20_000);
let peak = 0;
for (let i = 0; i < 250_000; i++) {
  ring[i % ring.length] = { id: `case-${i}`, events: Array.from({ length: 8 }, (_, j) => ({ type: 'visit', date: j + i })) };
  if (i % 1000 === 0) {
    peak = Math.max(peak, oldSpace());
    watch();
  }
}
console.log((peak / 2 ** 20).toFixed(1));
