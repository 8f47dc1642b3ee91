import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleSetIds } from '../../src/rules/registry.js';
import { shippedRuleSetSource } from '../../src/rules/sets/from-yaml.js';
import { normaliseQuote } from './normalise-quote.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sourcesDir = resolve(repoRoot, '../shared/sources');
const present = existsSync(sourcesDir);

if (!present) console.warn(`quotes.test: ${sourcesDir} is absent, so citation quotes were NOT checked against the source texts.`);

describe('normaliseQuote (the sources README normalisation)', () => {
  it('removes markdown markers and tags, straightens quotes and collapses whitespace', () => {
    expect(normaliseQuote('# **Care Leaver:**\n\nA Pathway Plan … 16<sup>th</sup>  birthday')).toBe('Care Leaver: A Pathway Plan … 16th birthday');
    expect(normaliseQuote('the child\u2019s \u201cplan\u201d\t*now*')).toBe('the child\'s "plan" now');
  });
  it('keeps everything else, spelling mistakes included', () => {
    expect(normaliseQuote('15 workings days – KC24')).toBe('15 workings days – KC24');
  });
});

function citations(): { where: string; source: string; quote: string }[] {
  return ruleSetIds.flatMap((id) => {
    const set = shippedRuleSetSource(id);
    const fromRules = set.rules.map((r) => ({ where: `${id} ${r.id}`, cite: r.cite }));
    const fromGuidance = (set.guidance ?? []).map((g) => ({ where: `${id} guidance ${g.id}`, cite: g.cite }));
    return [...fromRules, ...fromGuidance]
      .filter((c) => c.cite.source !== undefined)
      .map((c) => ({ where: c.where, source: c.cite.source!, quote: c.cite.quote }));
  });
}

describe('every citation quote is verbatim in its source', () => {
  it.skipIf(!present)('every quote is found verbatim in ../shared/sources/<source> (normalised as its README says)', () => {
    const texts = new Map<string, string>();
    const missing: string[] = [];
    for (const c of citations()) {
      let text = texts.get(c.source);
      if (text === undefined) {
        const file = resolve(sourcesDir, c.source);
        expect(existsSync(file), `${c.where} cites ${c.source}, which is not in ${sourcesDir}`).toBe(true);
        text = normaliseQuote(readFileSync(file, 'utf8'));
        texts.set(c.source, text);
      }
      if (!text.includes(normaliseQuote(c.quote))) missing.push(`${c.where}: "${c.quote}"`);
    }
    expect(missing).toEqual([]);
  });

  it.skipIf(present)('SKIPPED: ../shared/sources is absent, so quotes cannot be checked against the source texts', () => {
    expect(present).toBe(false);
  });

  it('the Leeds rule set cites its source in every rule and guidance statement', () => {
    const set = shippedRuleSetSource('leeds-2023');
    expect(set.rules.length).toBeGreaterThan(0);
    for (const c of [...set.rules.map((r) => r.cite), ...(set.guidance ?? []).map((g) => g.cite)]) {
      expect(c.source).toBe('leeds-practice-standards-2023.txt');
      expect(c.document).toBe('Leeds Practice Standards 2023');
    }
  });
});
