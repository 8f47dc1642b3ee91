import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleSet, renderCatalogue } from '../../src/index.js';
import { getRuleSet, ruleSetIds } from '../../src/rules/registry.js';
import { ruleCatalogues } from '../../scripts/docs-rules.js';

describe('docs/rules/*.md are generated from the rule tables and up to date', () => {
  const catalogues = ruleCatalogues();
  it('there is one catalogue per shipped rule set', () => {
    expect(catalogues.map((c) => c.file.replace(/^.*\/docs\/rules\//, ''))).toEqual(ruleSetIds.map((id) => `${id}.md`));
  });
  it.each(catalogues.map((c) => [c.file.replace(/^.*\/docs\//, 'docs/'), c] as const))('%s is current (run `npm run docs:rules` to regenerate)', (_name, c) => {
    expect(existsSync(c.file), `${c.file} is missing: run npm run docs:rules`).toBe(true);
    expect(readFileSync(c.file, 'utf8'), 'out of date: run npm run docs:rules').toBe(c.text);
  });
});

describe('renderCatalogue', () => {
  const cite = { document: 'Test Standards', section: 'Visits', quote: 'Visited at least every 20 working days | or more often.' };
  const base = parseRuleSet({ id: 'base-set', title: 'Base standards', authority: 'Nation', source: 'law', inForce: { from: '2000-01-01' }, rules: [] });
  const set = parseRuleSet({
    id: 'local-set',
    title: 'Local standards',
    authority: 'A Council',
    source: 'local.txt',
    inForce: { from: '2023-04-25', to: '2030-12-31' },
    extends: 'base-set',
    rules: [
      {
        id: 'local.visits.cin',
        area: 'visits',
        title: 'CIN visits',
        requirement: 'a child in need must be visited at least every 20 working days',
        measures: 'cin-visits',
        kind: 'recurring',
        episode: { start: { type: 'child-in-need-plan-started' }, end: [{ type: 'child-in-need-plan-ended' }] },
        phases: [{ interval: { workingDays: 20 } }],
        satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' },
        variation: [{ anyOf: ['team-manager'], max: { workingDays: 20 } }],
        cite,
        note: 'Read as 20 working days from the last visit.',
      },
      { id: 'local.recording.chronology', area: 'recording', title: 'Chronology', requirement: 'a chronology exists', kind: 'presence', anchor: { type: 'decision-to-assess' }, satisfiedBy: { events: [{ type: 'chronology-updated' }], evidence: 'chronology' }, cite },
    ],
    guidance: [{ id: 'local.guidance.on-request', area: 'visits', statement: 'Whenever asked', reason: 'No timescale.', cite }],
  });
  const md = renderCatalogue(set, [base, set]);
  const lines = md.split('\n');

  it('heads the page with the title, authority, source, dates in force and what it extends', () => {
    expect(lines[0]).toBe('# Local standards');
    expect(md).toContain('- **Authority:** A Council');
    expect(md).toContain('- **Source:** local.txt');
    expect(md).toContain('- **In force:** 2023-04-25 to 2030-12-31');
    expect(md).toContain('- **Extends:** `base-set` (Base standards)');
  });
  it('has one row per rule with its timescale derived from the rule, the requirement, the quote and the note', () => {
    const rows = lines.filter((l) => l.startsWith('| `local.') && !l.startsWith('| `local.guidance'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Visit: first within 20 working days of the start of the child in need plan, then within 20 working days of the last one, until the end of the child in need plan. Another interval may be agreed: up to 20 working days, agreed by the team manager.');
    expect(rows[0]).toContain('*Requirement:* a child in need must be visited at least every 20 working days.');
    expect(rows[0]).toContain('Measures: `cin-visits`');
    expect(rows[0]).toContain('"Visited at least every 20 working days \\| or more often."<br>— Test Standards, Visits');
    expect(rows[0]!.endsWith('| Read as 20 working days from the last visit. |')).toBe(true);
    expect(rows[1]).toContain('Chronology required from the decision to assess (no timescale).');
  });
  it('lists the guidance statements not computed, with the reason', () => {
    expect(md).toContain('## Guidance not computed (1)');
    expect(lines.some((l) => l.startsWith('| `local.guidance.on-request` | visits | "Whenever asked"') && l.endsWith('| No timescale. |'))).toBe(true);
  });
  it('says when a set extends nothing and has no rules yet', () => {
    const md2 = renderCatalogue(base);
    expect(md2).toContain('- **Extends:** nothing: this is a baseline.');
    expect(md2).toContain('## Rules (0)\n\nNone yet.');
  });
  it('renders every shipped set without throwing, naming every rule', () => {
    for (const id of ruleSetIds) {
      const s = getRuleSet(id);
      const text = renderCatalogue(s);
      for (const r of s.rules) expect(text).toContain(`\`${r.id}\``);
    }
  });
});
