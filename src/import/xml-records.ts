import { SaxesParser } from 'saxes';
import type { ImportFile } from './files.js';
import { problem, type ImportProblem } from './problem.js';

/** An element of one record, with its position-numbered path (`Message/Children/Child[3]/CINdetails[2]`). */
export interface XmlNode {
  readonly name: string;
  readonly path: string;
  text: string;
  readonly children: XmlNode[];
}

/** The first child element of a name, and all of them. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}
export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}
/** The trimmed text of a child element, or empty. */
export function textOf(node: XmlNode, name: string): string {
  return child(node, name)?.text.trim() ?? '';
}

/**
 * Streams the records of an XML file: each element named `record` is handed on as a small tree
 * as soon as it closes, so memory holds one record whatever the file's size. Elements are named
 * by their path with positions (the first of a name has none). Malformed XML stops the file with
 * a problem naming where; records before it stand.
 */
export async function* xmlRecords(file: ImportFile, record: string, problems: ImportProblem[]): AsyncGenerator<XmlNode> {
  const parser = new SaxesParser();
  const ready: XmlNode[] = [];
  const names: string[] = [];
  const counts: Map<string, number>[] = [new Map()];
  const open: XmlNode[] = [];
  let failed = false;
  parser.on('opentag', (tag) => {
    if (failed) return;
    const siblings = counts[counts.length - 1]!;
    const n = (siblings.get(tag.name) ?? 0) + 1;
    siblings.set(tag.name, n);
    names.push(n === 1 ? tag.name : `${tag.name}[${n}]`);
    counts.push(new Map());
    if (open.length > 0 || tag.name === record) {
      const node: XmlNode = { name: tag.name, path: names.join('/'), text: '', children: [] };
      open[open.length - 1]?.children.push(node);
      open.push(node);
    }
  });
  parser.on('text', (t) => {
    if (!failed && open.length > 0) open[open.length - 1]!.text += t;
  });
  parser.on('closetag', () => {
    if (failed) return;
    names.pop();
    counts.pop();
    const node = open.pop();
    if (node && open.length === 0) ready.push(node);
  });
  parser.on('error', () => {
    failed = true;
  });
  const decoder = new TextDecoder();
  for await (const chunk of file.chunks) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    yield* ready.splice(0);
    if (failed) break;
  }
  if (!failed) parser.close();
  yield* ready.splice(0);
  if (failed) problems.push(problem({ file: file.name, element: names.join('/') || '(document)' }, '', 'unreadable-file', 'The XML is not well formed here; the rest of the file is left out.'));
}
