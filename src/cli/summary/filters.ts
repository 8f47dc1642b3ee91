import { stringOption, type OptionSpec, type Parsed } from '../args.js';
import { UsageError } from '../errors.js';

/** `--team` and `--worker`: the cases to keep, shared by summary and report. */
export const CASE_FILTER_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  team: { type: 'string', value: '<names>', description: 'Only the cases of these teams, comma-separated.' },
  worker: { type: 'string', value: '<names>', description: 'Only the cases of these workers, comma-separated.' },
};

/** Which cases to keep, and how to say so. */
export interface CaseFilter {
  keep(owner: { readonly team: string | undefined; readonly worker: string | undefined }): boolean;
  /** `team east, west; worker w1`, or undefined when every case is kept. */
  readonly description: string | undefined;
}

function names(parsed: Parsed, option: string): ReadonlySet<string> | undefined {
  const text = stringOption(parsed, option);
  if (text === undefined) return undefined;
  const list = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (list.length === 0) throw new UsageError(`--${option} needs at least one name.`);
  return new Set(list);
}

/**
 * The cases `--team` and `--worker` keep: a case is kept when its team is one of those named
 * (if any are) and its worker is one of those named (if any are).
 * @throws UsageError for an empty list.
 */
export function caseFilter(parsed: Parsed): CaseFilter {
  const teams = names(parsed, 'team');
  const workers = names(parsed, 'worker');
  const parts = [teams && `team ${[...teams].join(', ')}`, workers && `worker ${[...workers].join(', ')}`].filter((p): p is string => p !== undefined);
  return {
    keep: (o) => (teams === undefined || (o.team !== undefined && teams.has(o.team))) && (workers === undefined || (o.worker !== undefined && workers.has(o.worker))),
    description: parts.length === 0 ? undefined : parts.join('; '),
  };
}
