import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleSet, renderCatalogue } from '../../src/index.js';
import { casesInFolder, ruleCatalogues } from '../../scripts/docs-rules.js';
import { shippedRuleSetSource } from '../../src/rules/sets/from-yaml.js';

describe('docs/rules/<id>.md are generated from the YAML rule folders and up to date', () => {
  const catalogues = ruleCatalogues();
  it('there is one catalogue per rule set folder', () => {
    expect(catalogues.map((c) => c.file.replace(/^.*\/docs\/rules\//, ''))).toEqual(['england-statutory.md', 'leeds-2023.md', 'west-berkshire.md']);
  });
  // Without ../shared/sources the quotes have no line numbers, so the committed pages cannot match.
  it.each(catalogues.map((c) => [c.file.replace(/^.*\/docs\//, 'docs/'), c] as const))('%s is current (run `npm run docs:rules` to regenerate)', (_name, c) => {
    if (c.missingSources.length > 0) return expect(c.text).toContain('line not located');
    expect(existsSync(c.file), `${c.file} is missing: run npm run docs:rules`).toBe(true);
    expect(readFileSync(c.file, 'utf8'), 'out of date: run npm run docs:rules').toBe(c.text);
  });
  it.each(catalogues.map((c) => [c.id, c] as const))('%s: every rule and guidance entry has its section, reading and cases; every quote is placed', (id, c) => {
    const set = shippedRuleSetSource(id);
    const cases = casesInFolder(id);
    for (const r of set.rules) {
      expect(c.text).toContain(`<a id="${r.id}"></a>\n\n### \`${r.id}\`: ${r.title}`);
      expect(c.text).toContain(`[\`${r.id}\`](#${r.id})`);
      // The reading comes from the YAML, whatever the shipped tables carry.
      if (r.note) expect(c.text).toContain(r.note.replace(/\s+/g, ' ').replace(/</g, '&lt;').trim().slice(0, 120));
      for (const k of cases.filter((k) => k.rule === r.id)) expect(c.text).toContain(`(../../rules/${id}/${k.file}#L${k.line})`);
    }
    for (const g of set.guidance ?? []) expect(c.text).toContain(`<a id="${g.id}"></a>`);
    expect(c.text).not.toContain('quote not found');
    // Every case names a rule of the set or of a set it extends, so each is listed somewhere.
    const listed = new Set(catalogues.flatMap((o) => [...o.text.matchAll(/\]\(\.\.\/\.\.\/rules\/[^/]+\/([^#)\s]+)#L(\d+)\)/g)].map((m) => `${o.id}/${m[1]}:${m[2]}`)));
    for (const k of cases.filter((k) => set.rules.some((r) => r.id === k.rule))) expect(listed).toContain(`${id}/${k.file}:${k.line}`);
  });
});

describe('renderCatalogue', () => {
  const cite = { document: 'Test Standards', section: 'Visits', quote: 'Visited at least every 20 working days | or more often.', source: 'local.txt' };
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
        note: 'Read as 20 working days from the last visit.\n\nA second paragraph.',
      },
      { id: 'local.recording.chronology', area: 'recording', title: 'Chronology', requirement: 'a chronology exists', kind: 'presence', anchor: { type: 'decision-to-assess' }, satisfiedBy: { events: [{ type: 'chronology-updated' }], evidence: 'chronology' }, cite: { ...cite, source: undefined, url: 'https://example.org/law' } },
    ],
    guidance: [{ id: 'local.guidance.on-request', area: 'visits', statement: 'Whenever asked', reason: 'No timescale.', cite: { ...cite, quote: 'or more often' } }],
  });
  const source = 'Intro\nVisits: Visited at least every 20\nworking days | or more often.\n';
  const md = renderCatalogue(set, { bases: [base], sources: { 'local.txt': source }, cases: [{ rule: 'local.visits.cin', name: 'on time', file: 'visits.cases.yaml', line: 7 }] });

  it('heads the page with the title, authority, source, dates in force and what it extends, then an index', () => {
    expect(md.split('\n')[0]).toBe('# Local standards');
    expect(md).toContain('- **Authority:** A Council');
    expect(md).toContain('- **In force:** 2023-04-25 to 2030-12-31');
    expect(md).toContain('- **Extends:** `base-set` (Base standards)');
    expect(md).toContain('| [`local.visits.cin`](#local.visits.cin) | visits | CIN visits | 1 |');
    expect(md).toContain('| [`local.recording.chronology`](#local.recording.chronology) | recording | Chronology | 0 |');
    expect(md).toContain('- [`local.guidance.on-request`](#local.guidance.on-request) (visits)');
  });
  it('gives each rule a section: timescale in words, the quote with its lines in the source, the reading as paragraphs, the cases by name', () => {
    const section = md.slice(md.indexOf('<a id="local.visits.cin">'), md.indexOf('<a id="local.recording.chronology">'));
    expect(section).toContain('- **Timescale:** Visit: first within 20 working days of the start of the child in need plan, then within 20 working days of the last one, until the end of the child in need plan. Another interval may be agreed: up to 20 working days, agreed by the team manager.');
    expect(section).toContain('- **Requirement:** a child in need must be visited at least every 20 working days.');
    expect(section).toContain('- **Measures:** `cin-visits`');
    expect(section).toContain('- **Quoted from:** Test Standards, Visits; `local.txt` lines 2–3.\n\n> Visited at least every 20 working days | or more often.');
    expect(section).toContain('**Reading chosen**\n\nRead as 20 working days from the last visit.\n\nA second paragraph.');
    expect(section).toContain('- [on time](../../rules/local-set/visits.cases.yaml#L7)');
    expect(md).toContain('Chronology required from the decision to assess (no timescale).');
    expect(md).toContain('no source text is held, so the quote has no line.');
  });
  it('gives each guidance entry a section with the reason it sets no checkable timescale', () => {
    expect(md).toContain('<a id="local.guidance.on-request"></a>\n\n### `local.guidance.on-request`');
    expect(md).toContain('- **Statement:** Whenever asked\n- **Quoted from:** Test Standards, Visits; `local.txt` line 3.');
    expect(md).toContain('**Why it sets no checkable timescale**\n\nNo timescale.');
  });
  it('says when a source text is absent, or a quote is not in it', () => {
    expect(renderCatalogue(set)).toContain('`local.txt`, line not located (the source text was not available when this page was generated).');
    expect(renderCatalogue(set, { sources: { 'local.txt': 'nothing here' } })).toContain('**quote not found in the source text**');
  });
  it('says when a set extends nothing and has no rules yet', () => {
    const md2 = renderCatalogue(base);
    expect(md2).toContain('- **Extends:** nothing: this is a baseline.');
    expect(md2).toContain('### Rules (0)\n\nNone yet.');
  });
});
