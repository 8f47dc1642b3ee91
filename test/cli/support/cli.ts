import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../../src/cli/run.js';

/** The test rule set: a 45-working-day assessment deadline and 20-working-day child in need visits. */
export const RULES_FILE = fileURLToPath(new URL('../fixtures/rules.json', import.meta.url));

/** What a run of the command line wrote and returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on('data', (c: Buffer) => parts.push(c));
  return { stream, text: () => Buffer.concat(parts).toString('utf8') };
}

/** Runs the command line in-process, with stdin from a string (or bytes), stderr not a terminal. */
export async function cli(argv: readonly string[], options: { stdin?: string | Uint8Array; cwd?: string; tty?: boolean } = {}): Promise<CliResult> {
  const stdout = collect();
  const stderr = collect();
  const code = await run(argv, {
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    stderrIsTTY: options.tty === true,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** A temporary directory with the given files, removed by the returned function. */
export function tempFiles(files: Readonly<Record<string, string>>): { dir: string; path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pt-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Parses JSON Lines output. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/**
 * The obligations of compact JSON Lines, one object each, with the case's id, team and worker
 * (as an analyst unnests them); other rows (errors, warnings, full-detail obligations) as they are
 * and rule rows left out.
 */
export function flatten(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.flatMap((r) => {
    if (r.row === 'rule') return [];
    if (r.row !== 'case') return [r];
    return (r.obligations as Record<string, unknown>[]).map((o) => ({ row: 'obligation', caseId: r.caseId, team: r.team, worker: r.worker, ...o }));
  });
}
