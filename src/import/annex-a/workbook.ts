import { SaxesParser } from 'saxes';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { ImportFile } from '../files.js';

/** A cell that holds an error (`#N/A`, `#REF!`): never read as a value. */
export const CELL_ERROR = Symbol('cell-error');

/** A cell's value: text, a number (dates are serial numbers), an error, or undefined when empty. */
export type Cell = string | number | typeof CELL_ERROR | undefined;

/** One row of a worksheet: its number in the sheet (from 1) and its cells by column (from 0). */
export interface SheetRow {
  readonly number: number;
  readonly cells: readonly Cell[];
}

/** One worksheet: its name, and its rows streamed as the sheet's XML is inflated. */
export interface Sheet {
  readonly name: string;
  readonly rows: AsyncIterable<SheetRow>;
}

/** The workbook could not be read as an .xlsx file. */
export class UnreadableWorkbook extends Error {}

async function bytesOf(file: ImportFile): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of file.chunks) parts.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c));
  return Buffer.concat(parts);
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => (err ? reject(new UnreadableWorkbook(err.message)) : resolve(zip))));
}

function entries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, yauzl.Entry>();
    zip.on('entry', (e: yauzl.Entry) => {
      out.set(e.fileName.replace(/^\/+/, ''), e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', (e: Error) => reject(new UnreadableWorkbook(e.message)));
    zip.readEntry();
  });
}

function open(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(new UnreadableWorkbook(err.message)) : resolve(s))));
}

/** Parses an XML part with saxes, handing each event to `on`; events are yielded between chunks. */
async function* sax<T>(stream: AsyncIterable<Buffer | string>, setup: (p: SaxesParser, out: T[]) => void): AsyncGenerator<T> {
  const parser = new SaxesParser();
  const out: T[] = [];
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  setup(parser, out);
  const decoder = new TextDecoder();
  for await (const chunk of stream) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (failure) throw new UnreadableWorkbook(failure.message);
    yield* out.splice(0);
  }
  parser.close();
  if (failure) throw new UnreadableWorkbook(failure.message);
  yield* out.splice(0);
}

async function collectAll<T>(gen: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const x of gen) all.push(x);
  return all;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** The shared strings: each `<si>`'s text, rich text runs joined, phonetic runs left out. */
function sharedStrings(stream: Readable): Promise<string[]> {
  return collectAll(
    sax<string>(stream, (p, out) => {
      let text = '';
      let inT = false;
      let phonetic = 0;
      p.on('opentag', (t) => {
        const n = local(t.name);
        if (n === 'si') text = '';
        else if (n === 'rPh') phonetic++;
        else if (n === 't' && phonetic === 0) inT = true;
      });
      p.on('text', (t) => {
        if (inT) text += t;
      });
      p.on('closetag', (t) => {
        const n = local(t.name);
        if (n === 't') inT = false;
        else if (n === 'rPh') phonetic--;
        else if (n === 'si') out.push(text);
      });
    }),
  );
}

/** The sheets of `xl/workbook.xml` in order: their names and relationship ids. */
function sheetList(stream: Readable): Promise<{ name: string; rid: string }[]> {
  return collectAll(
    sax<{ name: string; rid: string }>(stream, (p, out) => {
      p.on('opentag', (t) => {
        if (local(t.name) !== 'sheet') return;
        const rid = Object.entries(t.attributes).find(([k]) => local(k) === 'id')?.[1];
        out.push({ name: String(t.attributes.name ?? ''), rid: String(rid ?? '') });
      });
    }),
  );
}

/** Relationship ids of `xl/_rels/workbook.xml.rels` to the parts they name, as paths in the zip. */
async function relationships(stream: Readable): Promise<Map<string, string>> {
  const list = await collectAll(
    sax<[string, string]>(stream, (p, out) => {
      p.on('opentag', (t) => {
        if (local(t.name) === 'Relationship') out.push([String(t.attributes.Id ?? ''), String(t.attributes.Target ?? '')]);
      });
    }),
  );
  return new Map(list.map(([id, target]) => [id, target.startsWith('/') ? target.slice(1) : `xl/${target}`]));
}

/** A cell reference's column as an index from 0: `A1` is 0, `AB7` is 27. */
function columnIndex(ref: string): number | undefined {
  const m = /^([A-Z]{1,3})\d*$/.exec(ref);
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1]!) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The rows of a worksheet part, as they close: values are the cells' cached values. */
function sheetRows(stream: Readable, strings: readonly string[]): AsyncGenerator<SheetRow> {
  return sax<SheetRow>(stream, (p, out) => {
    let row: Cell[] | undefined;
    let rowNumber = 0;
    let col = 0;
    let type = '';
    let text = '';
    let inValue = false;
    p.on('opentag', (t) => {
      const n = local(t.name);
      if (n === 'row') {
        const r = Number(t.attributes.r);
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        row = [];
        col = 0;
      } else if (n === 'c' && row) {
        const ref = t.attributes.r === undefined ? undefined : columnIndex(String(t.attributes.r));
        col = ref ?? row.length;
        type = String(t.attributes.t ?? 'n');
        text = '';
      } else if (n === 'v' || (n === 't' && type === 'inlineStr')) {
        inValue = true;
      }
    });
    p.on('text', (t) => {
      if (inValue) text += t;
    });
    p.on('closetag', (t) => {
      const n = local(t.name);
      if (n === 'v' || n === 't') inValue = false;
      else if (n === 'c' && row) {
        row[col] = cellValue(type, text, strings);
      } else if (n === 'row' && row) {
        out.push({ number: rowNumber, cells: row });
        row = undefined;
      }
    });
  });
}

function cellValue(type: string, text: string, strings: readonly string[]): Cell {
  if (type === 'e') return CELL_ERROR;
  if (text === '') return undefined;
  if (type === 's') return strings[Number(text)] ?? CELL_ERROR;
  if (type === 'n') {
    const n = Number(text);
    return Number.isFinite(n) ? n : CELL_ERROR;
  }
  // str (a formula's text), inlineStr, b (0 or 1), d (an ISO date): read as text.
  return text;
}

/**
 * Reads an .xlsx workbook: the workbook, its relationships and shared strings first (whatever
 * their order in the zip), then each worksheet in the workbook's order, its rows streamed as the
 * part is inflated and parsed, so memory holds the compressed file and one row at a time.
 * Formulas give their cached values; an error cell is {@link CELL_ERROR}.
 * @throws UnreadableWorkbook when the file is not a zip or lacks a workbook part.
 */
export async function* readWorkbook(file: ImportFile): AsyncGenerator<Sheet> {
  const zip = await openZip(await bytesOf(file));
  try {
    const parts = await entries(zip);
    const part = (path: string) => parts.get(path);
    const book = part('xl/workbook.xml');
    if (!book) throw new UnreadableWorkbook('no xl/workbook.xml');
    const rels = part('xl/_rels/workbook.xml.rels');
    const targets = rels ? await relationships(await open(zip, rels)) : new Map<string, string>();
    const strings = part('xl/sharedStrings.xml') ? await sharedStrings(await open(zip, part('xl/sharedStrings.xml')!)) : [];
    const sheets = await sheetList(await open(zip, book));
    for (const [i, s] of sheets.entries()) {
      const entry = part(targets.get(s.rid) ?? '') ?? part(`xl/worksheets/sheet${i + 1}.xml`);
      if (!entry) continue;
      // The part is inflated only when its rows are read: a sheet passed over costs nothing.
      yield {
        name: s.name,
        rows: (async function* () {
          yield* sheetRows(await open(zip, entry), strings);
        })(),
      };
    }
  } finally {
    zip.close();
  }
}

/** Whether a file is an .xlsx workbook, by its name. */
export function isWorkbook(file: ImportFile): boolean {
  return /\.(xlsx|xlsm)$/i.test(file.name);
}
