import { SaxesParser } from 'saxes';
import type { ImportFile } from '../files.js';
import { problem, type ImportProblem } from '../problem.js';
import { childRows, type ChildRows, type Row } from './child.js';

/** XML element names that differ from the CSV columns. */
const RENAMED: Readonly<Record<string, string>> = { PL: 'PLACE', CHILDID: 'CHILD' };

/** The element of a child's record that becomes a row, and the table it goes to. */
const ROW_ELEMENTS: Readonly<Record<string, keyof Omit<ChildRows, 'id'>>> = {
  HEADER: 'headers',
  EPISODE: 'episodes',
  AREVIEW: 'reviews',
  AMISSING: 'missing',
  SWEPISODE: 'socialWorkers',
};

/**
 * Streams the return's XML (`EXPSSDA903/CHILD/...`), one child at a time: each `CHILD` element
 * is handed on as soon as it closes, so memory holds one child, whatever the file's size.
 * Elements are named in problems by their path and position, e.g. `EXPSSDA903/CHILD[12]/EPISODE[2]`.
 */
export async function* streamXml(file: ImportFile, problems: ImportProblem[]): AsyncGenerator<ChildRows> {
  const parser = new SaxesParser({ position: true });
  const ready: ChildRows[] = [];
  const stack: string[] = [];
  const counts: Map<string, number>[] = [new Map()];
  let childIndex = 0;
  let child: { rows: ChildRows; path: string } | undefined;
  let row: { table: keyof Omit<ChildRows, 'id'>; path: string; cells: Record<string, string> } | undefined;
  let text = '';
  let failed = false;
  parser.on('opentag', (tag) => {
    if (failed) return;
    const name = tag.name;
    const siblings = counts[counts.length - 1]!;
    const n = (siblings.get(name) ?? 0) + 1;
    siblings.set(name, n);
    stack.push(`${name}[${n}]`);
    counts.push(new Map());
    text = '';
    if (name === 'CHILD' && stack.length === 2) {
      childIndex++;
      child = { rows: childRows(''), path: stack.join('/') };
    } else if (child && ROW_ELEMENTS[name] && !row) {
      row = { table: ROW_ELEMENTS[name]!, path: stack.join('/'), cells: {} };
    }
  });
  parser.on('text', (t) => (text += t));
  parser.on('closetag', (tag) => {
    // Nothing after the first error is trusted: a child's record may be cut short.
    if (failed) return;
    const name = tag.name;
    if (row && stack.join('/') === row.path) {
      const target = row.table;
      const r: Row = { at: { file: file.name, element: row.path.replace(/\[1\]/g, '') }, cells: row.cells };
      if (child) child.rows[target].push(r);
      row = undefined;
    } else if (row) {
      row.cells[RENAMED[name] ?? name] = text.trim();
    } else if (child && name === 'CHILD' && stack.length === 2) {
      const header = child.rows.headers[0];
      const id = header?.cells.CHILD ?? '';
      if (id === '') problems.push(problem({ file: file.name, element: child.path }, 'CHILDID', 'missing-value', 'The child has no CHILDID; the child is left out.'));
      else ready.push({ ...child.rows, id });
      child = undefined;
    }
    stack.pop();
    counts.pop();
    text = '';
  });
  parser.on('error', () => {
    failed = true;
  });
  const decoder = new TextDecoder();
  for await (const chunk of file.chunks) {
    if (!failed) parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (failed) break;
    yield* ready.splice(0);
  }
  if (!failed) parser.close();
  yield* ready.splice(0);
  if (failed) problems.push(problem({ file: file.name, element: stack.join('/') || '(document)' }, '', 'unreadable-file', `The XML is not well formed after child ${childIndex}; the rest of the file is left out.`));
}
