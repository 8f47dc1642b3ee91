/**
 * What a web page pays for each way of importing the package: bundles small pages that import
 * the BUILT package (dist/, through package.json `exports`, as an application's bundler would)
 * with esbuild, minified, and checks each against its budget.
 *
 * `npm run size` prints the table and exits 1 when a budget is exceeded (`.ci/run` runs it after
 * the build). A case whose subpath the package does not export is reported as missing and fails.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One way of importing the package, and what it may cost. */
export interface SizeCase {
  readonly name: string;
  /** A page's module: imports the package by name and uses what it imports. */
  readonly code: string;
  /** Budgets in bytes; either may be absent. */
  readonly maxMinified?: number;
  readonly maxGzip?: number;
}

/** One measured case. */
export interface SizeResult {
  readonly name: string;
  readonly minified: number;
  readonly gzip: number;
  /** The bundled source files by the bytes they add, largest first. */
  readonly inputs: readonly (readonly [string, number])[];
  /** Why the case is over budget, or null. */
  readonly over: string | null;
}

const KB = 1024;
const SNAPSHOT = `{ caseId: 'C-001', child: { dateOfBirth: '2015-05-01' }, events: [{ id: 'e1', type: 'child-in-need-plan-started', date: '2024-01-08' }] }`;

export const SIZE_CASES: readonly SizeCase[] = [
  {
    name: 'calendar only (practice-timescales/calendar)',
    code: `import { englandAndWales } from 'practice-timescales/calendar';\nconsole.log(englandAndWales().addWorkingDays('2022-05-27', 5));`,
    maxMinified: 30 * KB,
  },
  {
    name: 'calendar only (practice-timescales)',
    code: `import { englandAndWales } from 'practice-timescales';\nconsole.log(englandAndWales().addWorkingDays('2022-05-27', 5));`,
    maxMinified: 30 * KB,
  },
  {
    name: 'evaluate, one set (engine + rules/england-statutory)',
    code: `import { evaluate } from 'practice-timescales/engine';\nimport { englandStatutory } from 'practice-timescales/rules/england-statutory';\nconsole.log(evaluate(${SNAPSHOT}, { ruleSet: englandStatutory(), asOf: '2024-04-09' }));`,
    // Issue 16's goal. The tables carry no notes or guidance (rules/<id>.readings.json holds them),
    // which brought this page from 62.8 KB to 59.1 KB: under 1 KB of margin, so the engine must not
    // grow. With the schemas in zod mini and the fused validation (issue 12) it is 43.9 KB.
    maxGzip: 60 * KB,
  },
  {
    // Leeds extends the national baseline, so this page carries two tables.
    name: 'evaluate, Leeds (engine + rules/leeds-2023)',
    code: `import { evaluate } from 'practice-timescales/engine';\nimport { leeds2023 } from 'practice-timescales/rules/leeds-2023';\nconsole.log(evaluate(${SNAPSHOT}, { ruleSet: leeds2023(), asOf: '2024-04-09' }));`,
    // 65.1 KB without the notes (75.4 KB with them); the same thin margin.
    maxGzip: 66 * KB,
  },
  {
    name: 'evaluate, every shipped set (practice-timescales)',
    code: `import { evaluate } from 'practice-timescales';\nconsole.log(evaluate(${SNAPSHOT}, { ruleSet: 'leeds-2023', asOf: '2024-04-09' }));`,
  },
  {
    name: 'everything (import * from practice-timescales)',
    code: `import * as all from 'practice-timescales';\nconsole.log(all);`,
  },
  // Nothing runs at import that a bundler cannot drop: a page that takes one small name from an
  // entry carries little more than that name.
  ...(['practice-timescales', 'practice-timescales/engine', 'practice-timescales/calendar'] as const).map((from) => ({
    name: `import cost: TimescaleError from ${from}`,
    code: `import { TimescaleError } from '${from}';\nconsole.log(TimescaleError);`,
    maxMinified: 1 * KB,
  })),
  {
    name: 'import cost: formatDuration (no bank holidays)',
    code: `import { formatDuration } from 'practice-timescales/calendar';\nconsole.log(formatDuration({ weeks: 6 }));`,
    maxMinified: 4 * KB,
  },
];

/** Bundles each case against the built package in `packageRoot` (default: this repository). */
export async function measureSizes(cases: readonly SizeCase[] = SIZE_CASES, packageRoot = root): Promise<SizeResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pt-size-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(packageRoot, join(dir, 'node_modules', 'practice-timescales'), 'dir');
    const results: SizeResult[] = [];
    for (const [i, c] of cases.entries()) {
      const entry = join(dir, `case-${i}.js`);
      writeFileSync(entry, c.code);
      const out = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        legalComments: 'none',
        write: false,
        metafile: true,
        absWorkingDir: dir,
        // Resolve as if installed: the package sits in node_modules, as it would in an application.
        preserveSymlinks: true,
        logLevel: 'silent',
      });
      const bytes = out.outputFiles[0]!.contents;
      const minified = bytes.length;
      const gzip = gzipSync(bytes, { level: 9 }).length;
      const output = Object.values(out.metafile.outputs)[0]!;
      const inputs = Object.entries(output.inputs)
        .map(([path, v]) => [path.replace(/^.*node_modules\//, ''), v.bytesInOutput] as const)
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1]);
      const over =
        c.maxMinified !== undefined && minified > c.maxMinified
          ? `${kB(minified)} minified exceeds ${kB(c.maxMinified)}`
          : c.maxGzip !== undefined && gzip > c.maxGzip
            ? `${kB(gzip)} gzip exceeds ${kB(c.maxGzip)}`
            : null;
      results.push({ name: c.name, minified, gzip, inputs, over });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function kB(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function budget(c: SizeCase): string {
  return [c.maxMinified !== undefined ? `≤ ${kB(c.maxMinified)} min` : '', c.maxGzip !== undefined ? `≤ ${kB(c.maxGzip)} gzip` : ''].filter(Boolean).join(', ') || '-';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const verbose = process.argv.includes('--verbose');
  let failed = false;
  for (const c of SIZE_CASES) {
    let r: SizeResult;
    try {
      [r] = (await measureSizes([c])) as [SizeResult];
    } catch (e) {
      console.log(`MISSING  ${c.name}: ${(e as Error).message.split('\n')[0]}`);
      failed = true;
      continue;
    }
    console.log(`${r.over ? 'OVER   ' : 'ok     '}  ${r.name.padEnd(52)} ${kB(r.minified).padStart(9)} min ${kB(r.gzip).padStart(8)} gzip   budget ${budget(c)}${r.over ? `: ${r.over}` : ''}`);
    if (verbose) for (const [path, n] of r.inputs.slice(0, 15)) console.log(`           ${kB(n).padStart(9)}  ${path}`);
    if (r.over) failed = true;
  }
  if (failed) process.exitCode = 1;
}
