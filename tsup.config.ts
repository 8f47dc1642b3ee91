import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
  },
  // The `practice-timescales` command: Node only, ESM, runtime dependencies left external.
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    treeshake: true,
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
