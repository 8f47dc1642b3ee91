/**
 * The JSON Lines reader on one huge line (a single record of 12, 25 and 50 million characters,
 * delivered in 256 kB chunks as a file stream delivers it), against a baseline measured in the
 * same run: `JSON.parse` of the same text. The reader looks at each character once, so its time
 * per character stays flat as the line grows (a reader that re-joins the unfinished line for each
 * chunk grows with the square of its length), and its ratio to the baseline stays level.
 */
import { readJsonLines } from '../src/cli/input/jsonl.js';

const CHUNK = 1 << 18;

function line(chars: number): string {
  const head = '{"caseId":"huge","child":{"dateOfBirth":"2015-02-03"},"events":[],"padding":"';
  return `${head}${'x'.repeat(chars - head.length - 3)}"}\n`;
}

async function* chunks(text: string): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
}

async function readerSeconds(text: string): Promise<number> {
  const started = performance.now();
  let n = 0;
  for await (const batch of readJsonLines(chunks(text), { maxRecordChars: 100_000_000 })) n += batch.length;
  if (n !== 1) throw new Error(`expected one record, read ${n}`);
  return (performance.now() - started) / 1000;
}

function parseSeconds(text: string): number {
  const started = performance.now();
  JSON.parse(text);
  return (performance.now() - started) / 1000;
}

export default async function readersBench(): Promise<void> {
  console.log('| line | reader | JSON.parse (baseline) | ratio | reader ns per character |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const millions of [12, 25, 50]) {
    const text = line(millions * 1_000_000);
    const base = Math.min(parseSeconds(text), parseSeconds(text));
    const reader = Math.min(await readerSeconds(text), await readerSeconds(text));
    console.log(`| ${millions} M chars | ${reader.toFixed(3)} s | ${base.toFixed(3)} s | ${(reader / base).toFixed(2)}x | ${((reader * 1e9) / text.length).toFixed(1)} |`);
  }
}
