import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chain, coverageTable, counts, FORMAT_SUPPLY } from './support/coverage.js';

describe("the README's table of what each format can judge", () => {
  it('is the one computed from the supply declarations (npx tsx test/import/support/coverage.ts)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(coverageTable().join('\n'));
  });

  it('counts every rule of each set once, and no format judges what it cannot see exactly', () => {
    for (const [, supply] of FORMAT_SUPPLY) {
      const c = counts(supply, 'leeds-2023');
      expect(c.exact + c.approximate + c.unknown).toBe(chain('leeds-2023').length);
    }
    // Annex A keeps only the latest visits and reviews: none of its visit duties is exact.
    const [, annexA] = FORMAT_SUPPLY.find(([n]) => n === 'Annex A')!;
    expect(counts(annexA, 'leeds-2023').approximate).toBeGreaterThan(0);
  });
});
