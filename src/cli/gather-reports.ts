import { evaluateValidated, type Report, type RuleSet, type WorkingDayCalendar } from '../index.js';
import type { Parsed } from './args.js';
import { assumeOption, openFrom, type OpenedImport } from './input/import-source.js';
import { inputFormatOption, openSnapshots, readLimitsOption } from './input/open.js';
import type { CliIo } from './io.js';
import { rejectionText } from './output/text.js';
import { processRecords, requireObligations, type Counts } from './pipeline.js';
import { Progress } from './progress.js';

/** What {@link gatherReports} read: its counts, and the import to close once the output is out. */
export interface Gathered {
  readonly counts: Counts;
  readonly from: OpenedImport | undefined;
}

/**
 * Evaluates every record of a command's input (a file, stdin or `--from` a council's return) and
 * hands each report to `add`, for the commands that gather a caseload before writing anything
 * (`summary`, `report`). Rejected records are listed on stderr as they come.
 */
export async function gatherReports(
  file: string,
  parsed: Parsed,
  io: CliIo,
  command: string,
  context: { readonly ruleSet: RuleSet; readonly asOf: string; readonly calendar: WorkingDayCalendar },
  add: (report: Report) => void,
): Promise<Gathered> {
  const quiet = parsed.values.quiet === true;
  const assumed = assumeOption(parsed);
  const from = await openFrom(parsed, io, quiet, command);
  const input = from ?? (await openSnapshots(file, io, inputFormatOption(parsed), readLimitsOption(parsed)));
  const bar = new Progress(io.stderr, io.stderrIsTTY && !quiet, command, input.text.totalBytes);
  const counts = await processRecords(
    input.records,
    {
      accept: (snapshot) => add(requireObligations(evaluateValidated(snapshot, { ...context, ...assumed }))),
      reject: (r) => {
        bar.clear();
        io.stderr.write(rejectionText(r));
      },
      flush: async () => {},
    },
    { bar, bytes: () => input.text.bytesRead },
    { strict: parsed.values.strict === true },
  );
  return { counts, from };
}
