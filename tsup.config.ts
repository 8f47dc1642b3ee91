import { defineConfig, type Options } from 'tsup';

/**
 * The library: its entry points, ESM and CJS. Each entry is small on its own and they share code
 * through chunks, so a page pays only for what it imports: the calendar carries no zod and no
 * rule tables, the engine no rule tables, and each shipped rule set only itself and the set it
 * extends. (test/package builds the same options into a temporary directory.)
 */
/** zod and its subpaths (`zod/mini`), bundled into the command line (see below). */
const ZOD = /^zod(\/.*)?$/;

export const library: Options = {
  entry: {
    index: 'src/index.ts',
    calendar: 'src/calendar/index.ts',
    engine: 'src/engine/index.ts',
    'rules/england-statutory': 'src/rules/sets/england-statutory.ts',
    'rules/leeds-2023': 'src/rules/sets/leeds-2023.ts',
    'rules/west-berkshire': 'src/rules/sets/west-berkshire.ts',
    // Each set's notes and guidance, which no evaluation reads, on their own (see src/rules/sets/readings.ts).
    'rules/england-statutory-readings': 'src/rules/sets/england-statutory-readings.ts',
    'rules/leeds-2023-readings': 'src/rules/sets/leeds-2023-readings.ts',
    'rules/west-berkshire-readings': 'src/rules/sets/west-berkshire-readings.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  // Shared chunks in both formats, so every entry sees the same classes (`instanceof
  // TimescaleError` holds whichever entry threw it) and the same loaded rule sets.
  splitting: true,
  treeshake: true,
};

/**
 * For a plain `<script type="module">` page with no bundler: one file each, zod and the bank
 * holidays built in.
 */
export const browser: Options = {
  entry: { 'practice-timescales': 'src/index.ts', calendar: 'src/calendar/index.ts' },
  outDir: 'dist/browser',
  format: ['esm'],
  outExtension: () => ({ js: '.js' }),
  platform: 'browser',
  target: 'es2022',
  noExternal: [/.*/],
  splitting: false,
  minify: true,
  sourcemap: false,
  clean: false,
  treeshake: true,
};

export default defineConfig([
  library,
  browser,
  // Importers of councils' own data, one entry per format (`practice-timescales/import/<format>`):
  // Node only, and kept out of the core entry so that a browser or spreadsheet import of the
  // calendar never pulls in an XML or workbook parser.
  {
    entry: { 'import/ssda903': 'src/import/ssda903/index.ts', 'import/cin-census': 'src/import/cin-census/index.ts', 'import/ssd': 'src/import/ssd/index.ts', 'import/annex-a': 'src/import/annex-a/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    treeshake: true,
  },
  // The `practice-timescales` command: Node only, ESM, runtime dependencies left external but zod,
  // which is bundled: loaded from its package it is some sixty modules, about 0.1 s of every start
  // (and of every `--jobs` worker's), and bundled it is one file read at once.
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    treeshake: true,
    noExternal: [ZOD],
  },
  // Its worker threads (`--jobs`) run `cli-worker.js`, found beside `cli.js`: one file of its own,
  // without the chunks the command shares, so that each thread loads only what evaluating needs
  // (not the importers, the rule authoring kit or YAML), which halves what starting one costs.
  {
    entry: { 'cli-worker': 'src/cli/parallel/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    noExternal: [ZOD],
  },
  // `practice-timescales/testing`: builders and matchers for council test suites, out of the core
  // bundle. The core stays external (one copy of the engine and of SnapshotError's class).
  {
    entry: { testing: 'src/testing/index.ts', 'testing-vitest': 'src/testing/vitest.ts', 'testing-jest': 'src/testing/jest.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    external: ['vitest', 'expect'],
    // The rule cases are read from the installed package's `rules/` folder, found from this
    // module's own file: `import.meta.url`, which the CommonJS build needs shimmed.
    shims: true,
    esbuildPlugins: [
      {
        name: 'core-from-package',
        setup(build) {
          build.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: 'practice-timescales', external: true }));
        },
      },
    ],
  },
]);
