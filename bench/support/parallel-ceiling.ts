/**
 * What two threads can gain on this machine: the same fixed busy loop run in one process, then
 * in two at once. On a machine with two free cores two loops take as long as one (a ceiling of
 * 2×); where the cores are shared (hyperthreads, a busy host) they take longer, and no `--jobs 2`
 * can beat that ceiling. Printed beside the `--jobs` speed-up so that the speed-up can be read.
 */
import { spawn } from 'node:child_process';

// A loop the JIT cannot remove, long enough (about 1 to 2 s) to swamp the process's start.
const SPIN = 'let x = 0; for (let i = 0; i < 2e8; i++) x = (x * 31 + i) | 0; if (x === 0.5) console.log(x);';

function spinSeconds(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`the busy loop exited ${code}`))));
  });
}

/** Throughput of two busy processes over one: 2 × (one alone) / (the slower of two at once). */
export async function parallelCeiling(): Promise<number> {
  const one = await spinSeconds();
  const two = await Promise.all([spinSeconds(), spinSeconds()]);
  return (2 * one) / Math.max(...two);
}
