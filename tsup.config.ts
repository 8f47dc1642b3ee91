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
  // Importers of councils' own data, one entry per format (`practice-timescales/import/<format>`):
  // Node only, and kept out of the core entry so that a browser or spreadsheet import of the
  // calendar never pulls in an XML or workbook parser.
  {
    entry: { 'import/ssda903': 'src/import/ssda903/index.ts', 'import/cin-census': 'src/import/cin-census/index.ts', 'import/ssd': 'src/import/ssd/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
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
]);
