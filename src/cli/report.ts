import type { Writable } from 'node:stream';
import type { Counts } from './pipeline.js';

/**
 * The closing line on stderr: `N read, N evaluated, N rejected`, and `, N with warnings` when
 * evaluated records had fields that were ignored. With `--quiet` it is left out unless something
 * was rejected or ignored, which a person must always be told.
 */
export function closingLine(stderr: Writable, counts: Counts, quiet: boolean, evaluated = 'evaluated'): void {
  if (quiet && counts.rejected === 0 && counts.warned === 0) return;
  const warned = counts.warned > 0 ? `, ${counts.warned} with warnings` : '';
  stderr.write(`${counts.read} read, ${counts.evaluated} ${evaluated}, ${counts.rejected} rejected${warned}\n`);
}

/** The exit code of a run over records: 1 when anything was rejected, unless errors are allowed. */
export function exitCode(counts: Counts, allowErrors: boolean): number {
  return counts.rejected > 0 && !allowErrors ? 1 : 0;
}
