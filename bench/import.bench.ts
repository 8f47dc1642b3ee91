/**
 * Import speed: children per second through each importer, against a baseline measured in the
 * same run: reading and parsing the same text with the same parser (csv-parse, saxes), with no
 * mapping. The ratio is what mapping to snapshots costs over parsing alone. Inputs: the synthetic
 * SSDA903 return in `../shared/formats/ssda903/` (its CSV files, 2,675 children; its XML, 253
 * children, repeated 10 times with their own ids) and the CIN census sample's child repeated
 * 5,000 times with its own ids (the sample holds one child). Each is run once to warm up, then
 * timed at its best of three.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { SaxesParser } from 'saxes';
import { Readable } from 'node:stream';
import { importCinCensus } from '../src/import/cin-census/index.js';
import type { ImportFile } from '../src/import/files.js';
import type { ImportEntry } from '../src/import/problem.js';
import { importSsda903 } from '../src/import/ssda903/index.js';

const FORMATS = fileURLToPath(new URL('../../shared/formats/', import.meta.url));
const CHUNK = 1 << 18;

function* chunks(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
}

function file(name: string, text: string): ImportFile {
  return { name, chunks: Readable.from(chunks(text)) };
}

async function children(entries: AsyncIterable<ImportEntry>): Promise<number> {
  let n = 0;
  for await (const e of entries) if (e.kind !== 'problem') n++;
  return n;
}

async function csvParseOnly(texts: readonly string[]): Promise<void> {
  for (const t of texts) {
    const parser = parse({ info: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
    Readable.from(chunks(t)).pipe(parser);
    for await (const _ of parser) {
      // parsed, not mapped
    }
  }
}

function xmlParseOnly(text: string, element: string): number {
  const parser = new SaxesParser();
  let n = 0;
  parser.on('closetag', (t) => {
    if (t.name === element) n++;
  });
  for (const c of chunks(text)) parser.write(c);
  parser.close();
  return n;
}

async function best(run: () => Promise<unknown> | unknown): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await run();
    min = Math.min(min, (performance.now() - started) / 1000);
  }
  return min;
}

/** The CIN census sample's one child, `copies` times, each with its own LAchildID. */
function census(copies: number): string {
  const sample = readFileSync(`${FORMATS}cin-census/cin-2022.xml`, 'utf8');
  const child = /<Child>[\s\S]*<\/Child>/.exec(sample)![0];
  const many = Array.from({ length: copies }, (_, i) => child.replace(/<LAchildID>[^<]*<\/LAchildID>/, `<LAchildID>B${i}</LAchildID>`).replace(/<PersonBirthDate>[^<]*</, '<PersonBirthDate>2012-03-24<')).join('');
  return sample.replace(/<Children>[\s\S]*<\/Children>/, `<Children>${many}</Children>`);
}

/** The 903 XML's children, `copies` times, each copy with its own CHILDID. */
function return903(copies: number): string {
  const sample = readFileSync(`${FORMATS}ssda903/fake_903.xml`, 'utf8');
  const open = sample.indexOf('<CHILD>');
  const close = sample.lastIndexOf('</CHILD>') + '</CHILD>'.length;
  const body = sample.slice(open, close);
  const many = Array.from({ length: copies }, (_, i) => body.replace(/<CHILDID>([^<]*)<\/CHILDID>/g, `<CHILDID>$1-${i}</CHILDID>`)).join('');
  return sample.slice(0, open) + many + sample.slice(close);
}

export default async function importBench(): Promise<void> {
  const csvNames = ['fake-header.csv', 'fake-episodes.csv', 'fake-reviews.csv', 'fake-missing.csv', 'fake-sw_episodes.csv'];
  const csvTexts = csvNames.map((n) => readFileSync(`${FORMATS}ssda903/${n}`, 'utf8'));
  const xml903 = return903(10);
  const cin = census(5000);
  const cases = [
    { input: 'SSDA903 CSV (5 files)', run: () => children(importSsda903(csvNames.map((n, i) => file(n, csvTexts[i]!)))), base: () => csvParseOnly(csvTexts) },
    { input: 'SSDA903 XML (253 children x 10)', run: () => children(importSsda903([file('fake_903.xml', xml903)])), base: () => xmlParseOnly(xml903, 'CHILD') },
    { input: 'CIN census XML (sample child x 5,000)', run: () => children(importCinCensus([file('cin.xml', cin)])), base: () => xmlParseOnly(cin, 'Child') },
  ];
  console.log('| input | children | import | parse only (baseline) | ratio | children per second |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const c of cases) {
    const n = (await c.run()) as number;
    await c.base();
    const base = await best(c.base);
    const time = await best(c.run);
    console.log(`| ${c.input} | ${n.toLocaleString('en-GB')} | ${time.toFixed(3)} s | ${base.toFixed(3)} s | ${(time / base).toFixed(2)}x | ${Math.round(n / time).toLocaleString('en-GB')} |`);
  }
}
