import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { oldGenerationWatch } from '../../src/cli/heap.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHURN = fileURLToPath(new URL('./support/heap-churn.mjs', import.meta.url));
const HEAP = fileURLToPath(new URL('../../src/cli/heap.ts', import.meta.url));

/** Runs a Node script through tsx in a child process; its stdout. */
function node(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
  });
}

// V8's heap sizing does not depend on the time zone: run once, under the first of the suite's zones.
describe.runIf(process.env.TZ === 'Europe/London')('keepHeapSteady', () => {
  it('keeps the old generation near the live heap while garbage is promoted, where V8 alone lets it grow to several times that', async () => {
    // About 20 MB live, replaced steadily: V8 alone lets the old generation reach 70 to 80 MB.
    const [alone, steady] = await Promise.all([node([CHURN, 'none']), node([CHURN, HEAP])]);
    expect(Number(steady)).toBeLessThan(0.7 * Number(alone));
  }, 60_000);

  it('with oldGenerationWatch checked as the main thread of --jobs does, keeps the old generation within a few megabytes of the live heap', async () => {
    const [steady, watched] = await Promise.all([node([CHURN, HEAP]), node([CHURN, HEAP, 'watch'])]);
    // About 20 MB live: the growing factor alone let it reach about 40 MB, the watch 19 to 25.
    expect(Number(watched), `${watched} MB watched, ${steady} MB not`).toBeLessThan(0.8 * Number(steady));
  }, 60_000);
});

describe('oldGenerationWatch', () => {
  /** A watch over a made-up old generation: its size, and the collections asked for. */
  function watched(step: number) {
    const heap = { bytes: 10, live: 10, collections: 0 };
    const check = oldGenerationWatch(
      step,
      () => {
        heap.collections++;
        heap.bytes = heap.live;
      },
      () => heap.bytes,
    );
    return { heap, check };
  }

  it('collects once the old generation has grown by the step since the last collection, and counts the next step from what is live', () => {
    const { heap, check } = watched(4);
    heap.bytes = 13;
    check();
    expect(heap.collections).toBe(0);
    heap.bytes = 14;
    check();
    expect([heap.collections, heap.bytes]).toEqual([1, 10]);
    // A huge record becomes live: one collection finds it, and the step then counts from it.
    heap.live = 500;
    heap.bytes = 503;
    check();
    expect([heap.collections, heap.bytes]).toEqual([2, 500]);
    heap.bytes = 503;
    check();
    expect(heap.collections).toBe(2);
    heap.bytes = 504;
    check();
    expect([heap.collections, heap.bytes]).toEqual([3, 500]);
  });

  it('counts from where V8 left it when V8 collected by itself', () => {
    const { heap, check } = watched(4);
    heap.bytes = 12;
    check();
    heap.bytes = 6; // V8's own full collection
    check();
    heap.bytes = 9;
    check();
    expect(heap.collections).toBe(0);
    heap.bytes = 10;
    check();
    expect(heap.collections).toBe(1);
  });
});
