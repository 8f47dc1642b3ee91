import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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

});
