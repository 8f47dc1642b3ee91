import { describe, expect, it } from 'vitest';
import { shippedRuleSetSource } from '../../../src/rules/sets/from-yaml.js';
import { SHARED_MEASURES } from '../measures.js';

describe('the england-statutory rule set', () => {
  // From the YAML folder: the readings (notes) live there, not in the shipped tables.
  const set = shippedRuleSetSource('england-statutory');
  it('cites each rule by instrument or guidance, provision and a legislation.gov.uk or gov.uk address, with no source file', () => {
    for (const r of set.rules) {
      expect(r.cite.url, r.id).toMatch(/^https:\/\/www\.(legislation\.gov\.uk|gov\.uk)\//);
      expect(r.cite.source, r.id).toBeUndefined();
      expect(r.cite.section.length, r.id).toBeGreaterThan(3);
    }
  });
  it('says for every rule whether its number was verified, and why not where it was not', () => {
    for (const r of set.rules) {
      expect(typeof r.verified, r.id).toBe('boolean');
      if (r.verified) expect(r.note, r.id).toMatch(/[Cc]hecked against the (revised )?text/);
      else expect(r.note, r.id).toMatch(/not checked against the primary source here/);
    }
  });
  it('uses only the shared measures keys', () => {
    for (const r of set.rules) if (r.measures) expect(SHARED_MEASURES).toContain(r.measures);
  });
});
