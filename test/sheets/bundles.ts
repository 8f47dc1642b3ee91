import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { buildSpreadsheets, type SpreadsheetBuild, type SpreadsheetTarget } from '../../scripts/build-spreadsheets.js';

/** A build of the spreadsheet bundles into a temporary directory. */
export interface TempBuild {
  readonly build: SpreadsheetBuild;
  read(path: string): string;
  /** The absolute path of a directory of the build, e.g. `excel`. */
  dir(path: string): string;
  remove(): void;
}

/** Builds with the same function as `npm run build`, so the tests need no prior build. */
export async function buildInTemp(targets: readonly SpreadsheetTarget[]): Promise<TempBuild> {
  const dir = mkdtempSync(join(tmpdir(), 'practice-timescales-'));
  const build = await buildSpreadsheets(dir, targets);
  return { build, read: (path) => readFileSync(join(dir, path), 'utf8'), dir: (path) => join(dir, path), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A script context like a browser under a strict CSP or Apps Script: no Node globals, no eval. */
export interface BareContext {
  readonly context: vm.Context;
  run(code: string): unknown;
  /** How many times code tried to build a function from a string. */
  codeGenerations(): number;
}

/**
 * A `vm` context holding only the language's own globals and `globals`, where `eval` and
 * `new Function` are refused (as a content security policy without 'unsafe-eval' does) and
 * every attempt at `new Function` is counted.
 */
export function bareContext(globals: Record<string, unknown> = {}): BareContext {
  const context = vm.createContext({ ...globals }, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(
    `(() => {
      const F = Function;
      let count = 0;
      globalThis.__codeGenerations = () => count;
      globalThis.Function = new Proxy(F, {
        construct(target, args) { count++; return Reflect.construct(target, args); },
        apply(target, self, args) { count++; return Reflect.apply(target, self, args); },
      });
    })();`,
    context,
  );
  return {
    context,
    run: (code) => vm.runInContext(code, context),
    codeGenerations: () => (vm.runInContext('__codeGenerations()', context) as number),
  };
}
