import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unreadJsonLines } from '../../src/cli/input/jsonl.js';
import { BatchBuffers, jsonLineBytes, readLineBytes } from '../../src/cli/input/line-bytes.js';
import type { PendingRecord, ReadLimits } from '../../src/cli/input/record.js';
import { TextSource } from '../../src/cli/input/source.js';

/**
 * The two ways JSON Lines reach the judge: decoded and split in the thread that reads them
 * (`--jobs 1`), or cut into byte batches there and decoded and split where they are judged
 * (`--jobs N`). Both must give the same records: the same lines, numbers, texts and errors.
 */

/**
 * Bytes cut into chunks at the given positions, as a stream would deliver them: each in a buffer
 * of its own, or, `reused`, each read into the same buffer as a file is (`fileChunks`), the last
 * one scribbled over first, so that a reader keeping a chunk past the next read sees garbage.
 */
async function* chunked(bytes: Uint8Array, cuts: readonly number[], reused = false): AsyncGenerator<Buffer> {
  const buffer = Buffer.alloc(bytes.length);
  const chunk = (from: number, to: number) => {
    if (!reused) return Buffer.from(bytes.subarray(from, to));
    buffer.fill('x\n{');
    buffer.set(bytes.subarray(from, to));
    return buffer.subarray(0, to - from);
  };
  let start = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    if (cut <= start || cut >= bytes.length) continue;
    yield chunk(start, cut);
    start = cut;
  }
  if (start < bytes.length) yield chunk(start, bytes.length);
  if (reused) buffer.fill('x\n{');
}

async function asText(bytes: Uint8Array, cuts: readonly number[], limits: ReadLimits, reused = false): Promise<PendingRecord[]> {
  const out: PendingRecord[] = [];
  for await (const batch of unreadJsonLines(new TextSource('-', chunked(bytes, cuts, reused), undefined), limits)) out.push(...batch);
  return out;
}

async function asBytes(bytes: Uint8Array, cuts: readonly number[], limits: ReadLimits, batchBytes: number, peek: boolean, reused = false): Promise<{ records: PendingRecord[]; batches: number }> {
  const source = new TextSource('-', chunked(bytes, cuts, reused), undefined);
  if (peek) await source.peek(); // as when the format is recognised from the first chunk
  const records: PendingRecord[] = [];
  let batches = 0;
  for await (const batch of jsonLineBytes(source.byteChunks(), limits, batchBytes)) {
    batches++;
    // A batch of bytes must be transferable: a buffer of its own.
    if (!Array.isArray(batch)) expect(batch.bytes.byteOffset).toBe(0);
    records.push(...(Array.isArray(batch) ? batch : readLineBytes(batch)));
  }
  return { records, batches };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (parts: readonly Uint8Array[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));

/** Pieces of JSON Lines input: records, line ends of both kinds, blank and space-only lines, multi-byte text, bytes that are not UTF-8, a byte order mark. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.record({ caseId: fc.string({ maxLength: 8 }), note: fc.string({ maxLength: 12, unit: 'grapheme' }) }).map((v) => utf8(JSON.stringify(v))) },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\r').map(utf8) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\t', '\u00a0', 'é', '😀', '{"caseId":"x"', '{"caseId":"ab').map(utf8) },
  { weight: 1, arbitrary: fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf]).map((b) => Uint8Array.from(b)) },
);

/** How an input is made and read: a byte order mark or not, its pieces, where chunks are cut, batch size, record limit, whether the format is sniffed first. */
const reading = [
  fc.boolean(),
  fc.array(piece, { maxLength: 30 }),
  fc.array(fc.nat(), { maxLength: 10 }),
  fc.integer({ min: 1, max: 200 }),
  fc.integer({ min: 4, max: 60 }),
  fc.boolean(),
] as const;

function inputOf(bom: boolean, pieces: readonly Uint8Array[]): Uint8Array {
  return concat([...(bom ? [Uint8Array.from([0xef, 0xbb, 0xbf])] : []), ...pieces]);
}

describe('JSON Lines as bytes (the --jobs reader) read as JSON Lines as text (the one-thread reader)', () => {
  it('gives the same records wherever chunks and batches are cut, each chunk in a buffer of its own or read into the last one\'s (as a file is read): CRLF, blank lines, no final newline, bad bytes, a byte order mark, lines over the limit', async () => {
    await fc.assert(
      fc.asyncProperty(...reading, fc.boolean(), async (bom, pieces, cuts, batchBytes, limit, peek, reused) => {
        const bytes = inputOf(bom, pieces);
        const limits = { maxRecordChars: limit };
        const expected = await asText(bytes, cuts, limits);
        if (reused) expect(await asText(bytes, cuts, limits, true)).toEqual(expected);
        expect((await asBytes(bytes, cuts, limits, batchBytes, peek, reused)).records).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('cuts batches only at line ends, a record across chunk boundaries kept whole and numbered', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ caseId: `c${i}`, pad: 'x'.repeat(i * 7) }));
    const bytes = utf8(`${lines.join('\r\n')}\r\n\r\n${lines[0]}`); // a blank line, and a last line without newline
    const cuts = Array.from({ length: 40 }, (_, i) => i * 97 + 13);
    const { records, batches } = await asBytes(bytes, cuts, { maxRecordChars: 1000 }, 300, false);
    expect(batches).toBeGreaterThan(5);
    expect(records).toEqual([...lines.map((text, i) => ({ line: i + 1, text })), { line: 52, text: lines[0] }]);
  });

  it('a line longer in bytes than the limit but not in characters is read whole; one longer in characters is an error naming its case', async () => {
    const wide = JSON.stringify({ caseId: 'wide', note: 'é'.repeat(30) }); // 73 characters, 103 bytes
    const long = JSON.stringify({ caseId: 'long', note: 'x'.repeat(120) });
    const bytes = utf8(`{"caseId":"a"}\n${wide}\n${long}\n{"caseId":"b"}`);
    const limits = { maxRecordChars: 80 };
    const { records } = await asBytes(bytes, [5, 40, 100, 150], limits, 10, false);
    expect(records).toEqual(await asText(bytes, [], limits));
    expect(records.map((r) => ('text' in r ? r.line : `${r.line}:${r.caseId}:${r.problems[0]!.code}`))).toEqual([1, 2, '3:long:record-too-large', 4]);
  });

  it('uses a batch buffer given back again, when it is large enough', () => {
    const buffers = new BatchBuffers();
    const first = buffers.take(100, 256);
    expect([first.byteLength, first.buffer.byteLength]).toEqual([100, 256]);
    buffers.give(first.buffer);
    expect(buffers.take(300, 256).buffer).not.toBe(first.buffer); // too small for 300 bytes
    const again = buffers.take(200, 256);
    expect(again.buffer).toBe(first.buffer);
    expect(again.byteLength).toBe(200);
    expect(buffers.take(10, 256).buffer).not.toBe(first.buffer); // taken: not handed out twice
  });
});
