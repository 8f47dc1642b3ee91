import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileFromPath, type ImportFile } from '../../import/files.js';
import { ssdFolder } from '../../import/ssd/index.js';
import { combineSources, type NamedSource } from '../../import/combine.js';
import { IMPORT_FORMATS, IMPORTERS, type ImportFormat } from '../../import/formats.js';
import { problemPlace, type ImportEntry, type ImportProblem } from '../../import/problem.js';
import { ASSUMPTIONS, type Assumption } from '../../engine/partial-data.js';
import { choiceOption, stringOption, type OptionSpec, type Parsed } from '../args.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { InputRecord, Problem, RecordSource } from './record.js';

/** `--from` and `--assume`, shared by the commands that read snapshots. */
export const FROM_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  from: {
    type: 'string',
    value: '<format>',
    grouping: true,
    description: `Read a council's own data instead of snapshots: ${IMPORT_FORMATS.join(', ')} (give all its files). Give it again before each other source's files to combine them: the same child (CIN census LAchildID, SSDA903 CHILD, SSD person id, Annex A child id) becomes one snapshot, and sources that disagree on a fact make that child an error.`,
  },
  assume: { type: 'string', value: '<what>', description: `State an assumption where the data is silent: ${ASSUMPTIONS.join(', ')}. Answers resting on it say so.` },
};

/** How many children an import met, and what became of them. */
export interface ImportTally {
  children: number;
  snapshots: number;
  errors: number;
  /** Rows or cells left out of a child's snapshot. */
  rowsLeftOut: number;
  /** Problems not tied to a child (a file that is not of the format). */
  fileProblems: number;
}

/** One problem as a line for people: where, which child, the code and what to do. */
export function importProblemText(p: ImportProblem): string {
  return `${problemPlace(p)}${p.childId === undefined ? '' : ` (child ${p.childId})`}: ${p.code}: ${p.message}\n`;
}

/** The closing line of an import: children in = snapshots + errors. */
export function importClosingLine(format: string, t: ImportTally): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${format}: ${plural(t.children, 'child', 'children')} in = ${plural(t.snapshots, 'snapshot', 'snapshots')} + ${plural(t.errors, 'error', 'errors')}; ${plural(t.rowsLeftOut, 'row or cell', 'rows or cells')} left out; ${plural(t.fileProblems, 'file problem', 'file problems')}\n`;
}

/**
 * Files named on the command line, checked to exist.
 * @throws UsageError naming a file that cannot be read.
 */
export async function importFiles(files: readonly string[], io: CliIo): Promise<ImportFile[]> {
  const out: ImportFile[] = [];
  for (const file of files) {
    if (file === '-') throw new UsageError('--from reads files, not stdin: give every file of the return.');
    const path = resolve(io.cwd ?? process.cwd(), file);
    try {
      const s = await stat(path);
      if (s.isDirectory()) {
        // A folder of SSD tables: its ssd_*.csv files.
        out.push(...(await ssdFolder(path)));
        continue;
      }
      if (!s.isFile()) throw new UsageError(`${file} is not a file.`);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `There is no file ${file}.` : `Cannot read ${file} (${code ?? 'unknown error'}).`);
    }
    out.push(fileFromPath(path));
  }
  return out;
}

/** `--from`, when given (the last, when given several). @throws UsageError listing the formats. */
export function fromOption(parsed: Parsed): ImportFormat | undefined {
  return stringOption(parsed, 'from') === undefined ? undefined : choiceOption(parsed, 'from', IMPORT_FORMATS, IMPORT_FORMATS[0]);
}

/** A council's sources as one import: its name in closing lines, and its children. */
export interface OpenedSources {
  readonly name: string;
  readonly entries: AsyncIterable<ImportEntry>;
}

/**
 * The sources `--from` names, each read by its format's importer: one `--from` takes every file
 * given; several (`--from cin-census census.xml --from ssda903 header.csv episodes.csv`) take the
 * files after each, and are combined child by child (`combineSources`). Undefined without `--from`.
 * @throws UsageError for an unknown format, a file that cannot be read, a source with no files,
 * files before the first of several `--from`, or the same format twice.
 */
export async function importSources(parsed: Parsed, io: CliIo): Promise<OpenedSources | undefined> {
  const format = fromOption(parsed);
  if (format === undefined) return undefined;
  const groups = parsed.groups?.from ?? [];
  if (groups.length <= 1) return { name: format, entries: IMPORTERS[format](await importFiles(parsed.positionals, io)) };
  const grouped = groups.reduce((n, g) => n + g.positionals.length, 0);
  if (grouped !== parsed.positionals.length) throw new UsageError('With several --from, give each source\'s files right after its --from: some files come before the first.');
  const sources: NamedSource[] = [];
  for (const g of groups) {
    if (!(IMPORT_FORMATS as readonly string[]).includes(g.value)) throw new UsageError(`--from must be one of: ${IMPORT_FORMATS.join(', ')}.`);
    if (g.positionals.length === 0) throw new UsageError(`--from ${g.value} needs its files after it.`);
    if (sources.some((s) => s.name === g.value)) throw new UsageError(`--from ${g.value} is given twice: give all its files after one --from.`);
    sources.push({ name: g.value, entries: IMPORTERS[g.value as ImportFormat](await importFiles(g.positionals, io)) });
  }
  return { name: sources.map((s) => s.name).join(' + '), entries: combineSources(sources) };
}

/** `--assume`, as evaluation options. @throws UsageError listing the assumptions. */
export function assumeOption(parsed: Parsed): { assume?: Assumption[] } {
  const text = stringOption(parsed, 'assume');
  if (text === undefined) return {};
  const list = text.split(',').map((s) => s.trim());
  for (const a of list) if (!(ASSUMPTIONS as readonly string[]).includes(a)) throw new UsageError(`--assume takes: ${ASSUMPTIONS.join(', ')}.`);
  return { assume: list as Assumption[] };
}

function asProblem(p: ImportProblem): Problem {
  return { code: p.code, path: `${problemPlace(p)}`, message: p.message, ...(p.line !== undefined ? { line: p.line } : {}) };
}

/** Only counts read so far: an import has no one byte total to draw a bar against. */
export interface ImportProgress {
  readonly totalBytes: undefined;
  readonly bytesRead: number;
}

/**
 * A council's files as records for the commands that evaluate: each child's snapshot a record,
 * each child that could not be imported a record already rejected with its problems. Problems
 * with rows left out of a snapshot, and with whole files, go to `report` as they are met.
 */
export function importRecords(entries: AsyncIterable<ImportEntry>, report: (p: ImportProblem) => void): { records: RecordSource; tally: ImportTally; text: ImportProgress } {
  const tally: ImportTally = { children: 0, snapshots: 0, errors: 0, rowsLeftOut: 0, fileProblems: 0 };
  async function* records(): AsyncGenerator<InputRecord[]> {
    let batch: InputRecord[] = [];
    for await (const e of entries) {
      if (e.kind === 'problem') {
        tally.fileProblems++;
        report(e.problem);
        continue;
      }
      tally.children++;
      if (e.kind === 'snapshot') {
        tally.snapshots++;
        tally.rowsLeftOut += e.problems.length;
        e.problems.forEach(report);
        batch.push({ line: tally.children, caseId: e.caseId, value: e.snapshot, problems: [] });
      } else {
        tally.errors++;
        batch.push({ line: e.problems[0]?.line ?? tally.children, caseId: e.caseId, problems: e.problems.map(asProblem) });
      }
      if (batch.length >= 256) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  return { records: records(), tally, text: { totalBytes: undefined, bytesRead: 0 } };
}

/** What `--from` opened: records as `openSnapshots` gives them, the assumptions, and the closing line. */
export interface OpenedImport {
  readonly records: RecordSource;
  readonly text: ImportProgress;
  /** Writes the import's closing line (children in = snapshots + errors). */
  close(rejected: boolean): void;
}

/**
 * With `--from`, every positional file read by that format's importer; without it, undefined.
 * @throws UsageError for an unknown format or assumption, a file that cannot be read, or several
 * files without `--from`.
 */
export async function openFrom(parsed: Parsed, io: CliIo, quiet: boolean, command: string): Promise<OpenedImport | undefined> {
  const sources = await importSources(parsed, io);
  if (sources === undefined) {
    if (parsed.positionals.length > 1) throw new UsageError(`${command} takes one input file (or - for stdin), and no more; several files only with --from <format>.`);
    return undefined;
  }
  const { records, tally, text } = importRecords(sources.entries, (p) => {
    if (!quiet) io.stderr.write(importProblemText(p));
  });
  return { records, text, close: (rejected) => (!quiet || rejected || tally.errors > 0 ? io.stderr.write(importClosingLine(sources.name, tally)) : undefined) };
}
