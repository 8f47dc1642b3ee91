/**
 * The `practice-timescales` command. Exit codes: 0 success, 1 records rejected, 2 usage error,
 * 3 an unexpected failure (reported without record values).
 */
import { keepHeapSteady } from './heap.js';
import { nodeIo, run } from './run.js';

keepHeapSteady();

try {
  process.exitCode = await run(process.argv.slice(2), nodeIo());
} catch (e) {
  process.stderr.write(`practice-timescales: unexpected failure: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
  process.exitCode = 3;
}
