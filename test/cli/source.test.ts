import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fileChunks, TextSource } from '../../src/cli/input/source.js';

const dir = mkdtempSync(join(tmpdir(), 'pt-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The file descriptors this process has open (Linux), to see that a file is closed. */
const openFds = () => readdirSync('/proc/self/fd').length;

describe('a file read into one buffer used again (fileChunks)', () => {
  it('gives every byte of the file once, in order, whatever the chunk size, each chunk in the same buffer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 700 }), async (bytes, chunkBytes) => {
        const path = join(dir, 'input');
        writeFileSync(path, bytes);
        const copies: Buffer[] = [];
        const buffers = new Set<ArrayBufferLike>();
        for await (const chunk of fileChunks(path, chunkBytes)) {
          expect(chunk.length).toBeGreaterThan(0);
          expect(chunk.length).toBeLessThanOrEqual(chunkBytes);
          copies.push(Buffer.from(chunk));
          buffers.add(chunk.buffer);
        }
        expect(Buffer.concat(copies).equals(Buffer.from(bytes))).toBe(true);
        expect(buffers.size).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });

  it.runIf(process.platform === 'linux')('closes the file at its end, and when the reader stops early', async () => {
    const path = join(dir, 'lines');
    writeFileSync(path, 'x'.repeat(1000));
    const before = openFds();
    for await (const chunk of fileChunks(path, 100)) expect(chunk.length).toBe(100);
    expect(openFds()).toBe(before);
    for await (const chunk of fileChunks(path, 100)) {
      expect(openFds()).toBe(before + 1);
      if (chunk.length > 0) break;
    }
    expect(openFds()).toBe(before);
  });

  it.runIf(process.platform === 'linux')('is closed when a reader of its text or its bytes stops early', async () => {
    const path = join(dir, 'text');
    writeFileSync(path, 'y'.repeat(1000));
    const before = openFds();
    for (const read of [(s: TextSource) => s.byteChunks(), (s: TextSource) => s]) {
      const source = new TextSource('text', fileChunks(path, 100), 1000);
      await source.peek();
      for await (const chunk of read(source)) if (chunk.length > 0) break;
      expect(openFds()).toBe(before);
    }
  });
});
