import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { browser, library } from '../../../tsup.config.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The package built as `npm run build` builds it (ESM and the browser files), installed in a temporary project. */
export interface InstalledPackage {
  /** The project: `node_modules/practice-timescales` and `node_modules/zod` are in it. */
  readonly project: string;
  /** `node_modules/practice-timescales` */
  readonly packageDir: string;
  read(path: string): string;
  remove(): void;
}

/**
 * Builds the library's ESM entries and the browser files with the repository's tsup options
 * (without type declarations, which these tests do not need) into a temporary project, with the
 * real package.json, so that bundling a page against it goes through `exports` and
 * `"sideEffects": false` exactly as an application's bundler would.
 */
export async function installBuiltPackage(): Promise<InstalledPackage> {
  const project = mkdtempSync(join(tmpdir(), 'pt-package-'));
  const packageDir = join(project, 'node_modules', 'practice-timescales');
  mkdirSync(packageDir, { recursive: true });
  const quiet = { dts: false, sourcemap: false, silent: true, config: false } as const;
  await build({ ...library, ...quiet, format: ['esm'], outDir: join(packageDir, 'dist') });
  await build({ ...browser, ...quiet, outDir: join(packageDir, 'dist', 'browser') });
  cpSync(join(root, 'package.json'), join(packageDir, 'package.json'));
  symlinkSync(join(root, 'node_modules', 'zod'), join(project, 'node_modules', 'zod'), 'dir');
  return {
    project,
    packageDir,
    read: (path) => readFileSync(join(packageDir, path), 'utf8'),
    remove: () => rmSync(project, { recursive: true, force: true }),
  };
}
