/**
 * Builds the spreadsheet add-ins into dist/:
 * - dist/excel/: functions.js (the custom functions, one IIFE bundle), functions.json (generated
 *   from the JSDoc tags in src/excel/functions.ts), manifest.xml, taskpane.html and icons, ready
 *   to host as static files;
 * - dist/sheets/: timescales.js (the bundle plus the custom function stubs, one Apps Script
 *   file) and appsscript.json.
 * Prints each file's size. `npm run build` runs it after tsup; the tests call
 * {@link buildSpreadsheets} into a temporary directory.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { build, type Plugin } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One file the build wrote. */
export interface BuiltFile {
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** What {@link buildSpreadsheets} wrote, and the source files each bundle holds. */
export interface SpreadsheetBuild {
  readonly files: readonly BuiltFile[];
  /** The bytes each source file (path relative to the repository) adds to each add-in's script. */
  readonly inputs: { readonly excel: Readonly<Record<string, number>>; readonly sheets: Readonly<Record<string, number>> };
}

// Apps Script's V8 and the WebView2 that runs Excel's shared runtime both take ES2019.
const TARGET = 'es2019';

/**
 * Citation URLs are not shown by any spreadsheet function, and checking one needs the `URL`
 * class, which Apps Script lacks. They are optional in the schema, so they are left out of these
 * bundles (the package and the docs keep them). The rule tables carry no notes or guidance in the
 * first place (they are in `rules/<id>.readings.json`). zod needs nothing here: `src/zod.ts`,
 * which every schema is built from, configures it jitless in every bundle.
 */
const spreadsheetBundle: Plugin = {
  name: 'spreadsheet-bundle',
  setup(b) {
    b.onLoad({ filter: /[\\/]rules[\\/][^\\/]+\.json$/ }, (args) => {
      const set = JSON.parse(readFileSync(args.path, 'utf8')) as { rules?: { cite?: { url?: unknown } }[] };
      for (const rule of set.rules ?? []) delete rule.cite?.url;
      return { contents: JSON.stringify(set), loader: 'json' };
    });
  },
};

async function bundle(entry: string, globalName?: string): Promise<{ code: string; inputs: Record<string, number> }> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'iife',
    ...(globalName ? { globalName } : {}),
    platform: 'browser',
    target: TARGET,
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    metafile: true,
    absWorkingDir: root,
    logLevel: 'silent',
    plugins: [spreadsheetBundle],
  });
  if (result.warnings.length > 0) throw new Error(`Bundling ${entry} warned: ${result.warnings.map((w) => w.text).join('; ')}`);
  const output = Object.values(result.metafile.outputs)[0]!;
  return { code: result.outputFiles[0]!.text, inputs: Object.fromEntries(Object.entries(output.inputs).map(([path, i]) => [path, i.bytesInOutput])) };
}

async function functionsMetadata(): Promise<string> {
  const result = await generateCustomFunctionsMetadata(join(root, 'src/excel/functions.ts'));
  if (result.errors.length > 0) throw new Error(`functions.json could not be generated:\n${result.errors.join('\n')}`);
  return `${result.metadataJson}\n`;
}

const APPS_SCRIPT_MANIFEST = {
  timeZone: 'Europe/London',
  dependencies: {},
  exceptionLogging: 'STACKDRIVER',
  runtimeVersion: 'V8',
};

/** Which add-ins to build (both by default). */
export type SpreadsheetTarget = 'excel' | 'sheets';

async function buildExcel(dir: string, write: (path: string, content: string | Buffer) => void): Promise<Record<string, number>> {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  const [excel, metadata] = await Promise.all([bundle('src/excel/register.ts'), functionsMetadata()]);
  write(join(dir, 'functions.js'), excel.code);
  write(join(dir, 'functions.json'), metadata);
  for (const file of ['manifest.xml', 'taskpane.html']) write(join(dir, file), readFileSync(join(root, 'src/excel', file)));
  for (const size of [16, 32, 64, 80]) write(join(dir, 'assets', `icon-${size}.png`), readFileSync(join(root, 'src/excel/assets', `icon-${size}.png`)));
  return excel.inputs;
}

async function buildSheets(dir: string, write: (path: string, content: string | Buffer) => void): Promise<Record<string, number>> {
  mkdirSync(dir, { recursive: true });
  const sheets = await bundle('src/sheets/apps-script.ts', 'Timescales');
  const stubs = readFileSync(join(root, 'src/sheets/apps-script-stubs.gs'), 'utf8');
  const header = '// practice-timescales for Google Sheets: one Apps Script file, built by scripts/build-spreadsheets.ts.\n';
  write(join(dir, 'timescales.js'), `${header}${sheets.code}\n${stubs}`);
  write(join(dir, 'appsscript.json'), `${JSON.stringify(APPS_SCRIPT_MANIFEST, null, 2)}\n`);
  return sheets.inputs;
}

/** Builds the add-ins under `outDir` (default: the repository's dist/), in excel/ and sheets/. */
export async function buildSpreadsheets(outDir = join(root, 'dist'), targets: readonly SpreadsheetTarget[] = ['excel', 'sheets']): Promise<SpreadsheetBuild> {
  const files: BuiltFile[] = [];
  const write = (path: string, content: string | Buffer) => {
    writeFileSync(path, content);
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    files.push({ path, bytes, gzipBytes: gzipSync(content).length });
  };
  const [excel, sheets] = await Promise.all([
    targets.includes('excel') ? buildExcel(join(outDir, 'excel'), write) : {},
    targets.includes('sheets') ? buildSheets(join(outDir, 'sheets'), write) : {},
  ]);
  return { files, inputs: { excel, sheets } };
}

function kB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { files } = await buildSpreadsheets();
  for (const f of files) {
    console.log(`wrote ${relative(root, f.path).padEnd(36)} ${kB(f.bytes).padStart(9)}  (gzip ${kB(f.gzipBytes)})`);
  }
}
