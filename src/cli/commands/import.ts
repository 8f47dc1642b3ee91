import { IMPORT_FORMATS, IMPORTERS, type ImportFormat } from '../../import/formats.js';
import type { CommandSpec, Parsed } from '../args.js';
import { UsageError } from '../errors.js';
import { importClosingLine, importFiles, importProblemText, type ImportTally } from '../input/import-source.js';
import { Output, type CliIo } from '../io.js';

/** `import`: a council's own data as case snapshots, JSON Lines. */
export const importSpec: CommandSpec = {
  name: 'import',
  summary: "Imports a council's own data (the SSDA903 return, the CIN census, SSD tables, Annex A) as case snapshots, one JSON object a line.",
  usage: ['import <format> <file> [<file> ...] [options]'],
  details: [
    `Formats: ${IMPORT_FORMATS.join(', ')}. ssda903: the return's CSV files (header, episodes, reviews, missing, social worker episodes; each recognised by its columns) or its XML. cin-census: the census XML. ssd: a folder of ssd_*.csv tables. annex-a: the Annex A workbook (.xlsx, lists 3 to 10 by sheet name) or its lists saved as CSV (each file named for its list, e.g. "List 8.csv"). Each snapshot declares what its source can record, so that evaluating it answers "unknown", naming what is missing, for what the source does not record (the SSDA903 return records no visits), never "overdue".`,
    'A row that cannot be mapped (an unknown code, a malformed date, a date outside the calendar, a row whose child has no header) is left out and named on stderr by file, line (or XML element), column and code, never its value; the rest of the child and every other child go on. A child that cannot be imported at all is named on stderr as an error. The closing line counts children in = snapshots + errors. Exit code 1 when any child is an error (unless --allow-errors).',
  ],
  options: {
    'allow-errors': { type: 'boolean', description: 'Exit 0 even when some children could not be imported (they are still reported).' },
    quiet: { type: 'boolean', short: 'q', description: 'No problem lines for rows left out, and no closing line unless a child is an error.' },
  },
  positionals: { min: 2, max: 1000, names: 'a format and its files' },
  examples: ['import ssda903 header.csv episodes.csv reviews.csv missing.csv > snapshots.jsonl', 'import ssda903 return.xml > snapshots.jsonl', 'import annex-a Annex_A.xlsx > snapshots.jsonl'],
};

/** Runs `import`. */
export async function importCommand(parsed: Parsed, io: CliIo): Promise<number> {
  const [format, ...names] = parsed.positionals as [string, ...string[]];
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`The format must be one of: ${IMPORT_FORMATS.join(', ')}.`);
  const quiet = parsed.values.quiet === true;
  const files = await importFiles(names, io);
  const out = new Output(io.stdout);
  const tally: ImportTally = { children: 0, snapshots: 0, errors: 0, rowsLeftOut: 0, fileProblems: 0 };
  let written = 0;
  for await (const e of IMPORTERS[format as ImportFormat](files)) {
    if (e.kind === 'problem') {
      tally.fileProblems++;
      io.stderr.write(importProblemText(e.problem));
      continue;
    }
    tally.children++;
    if (e.kind === 'snapshot') {
      tally.snapshots++;
      tally.rowsLeftOut += e.problems.length;
      if (!quiet) for (const p of e.problems) io.stderr.write(importProblemText(p));
      out.write(`${JSON.stringify(e.snapshot)}\n`);
      if (++written % 256 === 0) await out.flush();
    } else {
      tally.errors++;
      io.stderr.write(`Child ${e.caseId ?? '(no id)'}: not imported.\n${e.problems.map((p) => `    ${importProblemText(p)}`).join('')}`);
    }
  }
  await out.flush(true);
  if (!quiet || tally.errors > 0) io.stderr.write(importClosingLine(format, tally));
  return tally.errors > 0 && parsed.values['allow-errors'] !== true ? 1 : 0;
}
