import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import type { Origin } from './problem.js';

/** A file to import: its name (as problems name it) and its content, read chunk by chunk. */
export interface ImportFile {
  readonly name: string;
  readonly chunks: AsyncIterable<string | Uint8Array>;
}

/** A file on disk, streamed. Problems name it by its base name. */
export function fileFromPath(path: string): ImportFile {
  return { name: basename(path), chunks: createReadStream(path, { highWaterMark: 1 << 18 }) };
}

/** A file from text in memory (tests, browsers, uploads). */
export function fileFromText(name: string, text: string): ImportFile {
  return { name, chunks: [text] as unknown as AsyncIterable<string> };
}

/** One CSV row: its line and its cells by column name (trimmed; a missing cell is empty). */
export interface CsvRow {
  readonly at: Origin;
  readonly cells: Readonly<Record<string, string>>;
}

/** One CSV record as it stands: its line and its cells in order (trimmed). */
export interface CsvRecord {
  readonly at: Origin;
  readonly cells: readonly string[];
}

/** The records of a CSV file streamed one by one, the first (a header, or a title) included. */
export async function* csvRecords(file: ImportFile): AsyncGenerator<CsvRecord> {
  const parser = parse({ info: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  Readable.from(file.chunks).pipe(parser);
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { at: { file: file.name, line: info.lines }, cells: record };
  }
}

/** The columns of a CSV file, read from its first row, and its rows streamed one by one. */
export async function* csvRows(file: ImportFile, onColumns: (columns: readonly string[]) => void): AsyncGenerator<CsvRow> {
  let columns: string[] | undefined;
  for await (const { at, cells: record } of csvRecords(file)) {
    if (!columns) {
      columns = record.map((c) => c.replace(/^\uFEFF/, '').trim());
      onColumns(columns);
      continue;
    }
    const cells: Record<string, string> = {};
    columns.forEach((c, i) => (cells[c] = record[i] ?? ''));
    yield { at, cells };
  }
}
