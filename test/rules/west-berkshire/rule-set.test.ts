import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// Notes and guidance are read from the YAML, their one home (the shipped tables leave them out).
import { shippedRuleSetSource } from '../../../src/rules/sets/from-yaml.js';
import { SHARED_MEASURES } from '../measures.js';

const SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/sources/west-berkshire-practice-standards.txt');
const present = existsSync(SOURCE);

function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe('the west-berkshire rule set', () => {
  const set = shippedRuleSetSource('west-berkshire');
  const cites = [...set.rules.map((r) => r.cite), ...(set.guidance ?? []).map((g) => g.cite)];

  it('extends the national baseline', () => {
    expect(set.extends).toBe('england-statutory');
  });
  it('cites the West Berkshire Practice Standards, by standard, in every rule and guidance statement', () => {
    for (const c of cites) {
      expect(c.document).toBe('West Berkshire Practice Standards');
      expect(c.source).toBe('west-berkshire-practice-standards.txt');
      expect(c.section).toMatch(/^Standard [1-5] — /);
    }
  });
  it('uses only the shared measures keys, so comparisons with the national rules line up', () => {
    for (const r of set.rules) if (r.measures) expect(SHARED_MEASURES).toContain(r.measures);
  });
  it('says why each guidance statement is not a rule', () => {
    for (const g of set.guidance ?? []) expect(g.reason.length).toBeGreaterThan(10);
  });
  it('notes the reading chosen for every rule, and calendar days wherever plain days are counted', () => {
    for (const r of set.rules) expect(r.note?.length, r.id).toBeGreaterThan(20);
    const counted = set.rules.filter((r) => r.kind === 'deadline' && r.due.days !== undefined && r.due.days > 0);
    expect(counted.length).toBeGreaterThan(3);
    for (const r of counted) expect(r.note, r.id).toMatch(/calendar day/);
  });

  it.skipIf(!present)('covers every commitment in Standards 1 to 5 with a rule or a guidance statement', () => {
    const quotes = cites.map((c) => words(c.quote));
    const bullets = readFileSync(SOURCE, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => words(l.slice(2)).slice(0, 60));
    expect(bullets.length).toBeGreaterThan(70);
    const uncovered = bullets.filter((b) => !quotes.some((q) => q.includes(b)));
    expect(uncovered).toEqual([]);
  });
});
