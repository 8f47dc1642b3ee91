import type { Parsed } from './args.js';
import { openFrom, type OpenedImport } from './input/import-source.js';
import { inputFormatOption, openPending, readLimitsOption } from './input/open.js';
import type { CliIo } from './io.js';
import { rejectionText } from './output/text.js';
import { runRecords, type BatchJudge, type Counts } from './pipeline.js';
import { Progress } from './progress.js';

/** What {@link gatherReports} read: its counts, and the import to close once the output is out. */
export interface Gathered {
  readonly counts: Counts;
  readonly from: OpenedImport | undefined;
}

/**
 * Judges every record of a command's input (a file, stdin or `--from` a council's return) and
 * hands each result to `add` in input order, for the commands that gather a caseload before
 * writing anything (`summary`, `report`). Rejected records are listed on stderr as they come.
 * The judges are closed when the input is done.
 */
export async function gatherReports<P>(file: string, parsed: Parsed, io: CliIo, command: string, judges: BatchJudge<P> & { close(): Promise<void> }, add: (result: P) => void): Promise<Gathered> {
  try {
    const quiet = parsed.values.quiet === true;
    const from = await openFrom(parsed, io, quiet, command);
    const input = from ?? (await openPending(file, io, inputFormatOption(parsed), readLimitsOption(parsed), judges.lineBytes === true));
    const bar = new Progress(io.stderr, io.stderrIsTTY && !quiet, command, input.text.totalBytes);
    const counts = await runRecords(
      input.records,
      judges,
      {
        accept: add,
        reject: (r) => {
          bar.clear();
          io.stderr.write(rejectionText(r));
        },
        flush: async () => {},
      },
      { bar, bytes: () => input.text.bytesRead },
    );
    return { counts, from };
  } finally {
    await judges.close();
  }
}
