import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

async function graph(entry: string): Promise<string[]> {
  const r = await build({ entryPoints: [join(root, entry)], bundle: true, write: false, metafile: true, format: 'esm', platform: 'node', absWorkingDir: root, logLevel: 'silent', mainFields: ['module', 'main'] });
  return Object.keys(r.metafile.inputs);
}

const PARSERS = /node_modules\/(yauzl|saxes|csv-parse)\//;

describe('the importers stay out of the core', () => {
  for (const entry of ['src/index.ts', 'src/calendar/index.ts', 'src/engine/index.ts']) {
    it(`${entry} carries no importer and no workbook, XML or CSV parser`, async () => {
      const files = await graph(entry);
      expect(files.filter((f) => f.startsWith('src/import/') || PARSERS.test(f))).toEqual([]);
    });
  }

  it('the Annex A entry carries the workbook reader, and no other format', async () => {
    const files = await graph('src/import/annex-a/index.ts');
    expect(files.some((f) => f.includes('node_modules/yauzl/'))).toBe(true);
    expect(files.filter((f) => /src\/import\/(ssd|cin-census)\//.test(f))).toEqual([]);
  });
});
