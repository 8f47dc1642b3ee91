import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleSetIds } from '../../src/rules/registry.js';
// Guidance is read from the YAML, its one home (the shipped tables leave it out).
import { shippedRuleSetSource } from '../../src/rules/sets/from-yaml.js';
import { renderSourceView } from '../../src/rules/source-view.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sources = resolve(root, '../shared/sources');
const withSource = ruleSetIds.filter((id) => existsSync(join(sources, shippedRuleSetSource(id).source)));

describe('the side-by-side views of the standards (docs/rules/<id>.source.md)', () => {
  it.skipIf(withSource.length === 0).each(withSource)('%s: up to date (run `npm run docs:rules-source`), every citation placed', (id) => {
    const set = shippedRuleSetSource(id);
    const caseFiles = new Set(readdirSync(join(root, 'rules', id)).filter((f) => f.endsWith('.cases.yaml')));
    const view = renderSourceView(set, readFileSync(join(sources, set.source), 'utf8'), caseFiles);
    expect(readFileSync(join(root, 'docs/rules', `${id}.source.md`), 'utf8')).toBe(view);
    expect(view).not.toContain('Not found in the source');
    for (const rule of set.rules) expect(view).toContain(`<a id="${rule.id}"></a>**Encoded** by \`${rule.id}\``);
    for (const g of set.guidance ?? []) expect(view).toContain(`<a id="${g.id}"></a>**Guidance** \`${g.id}\``);
  });
  it('places a note after the line where its quote ends, and lists quotes it cannot find', () => {
    const set = { ...shippedRuleSetSource('leeds-2023'), guidance: [] };
    const rule = { ...set.rules[0]!, cite: { ...set.rules[0]!.cite, quote: 'visit within\n5 days' } };
    const view = renderSourceView({ ...set, rules: [rule, { ...rule, id: 'x.y.missing', cite: { ...rule.cite, quote: 'absent' } }] }, 'Intro\nWe visit within\n5 days.\nEnd\n');
    expect(view).toMatch(/2 │ We visit within\n\s+3 │ 5 days\.\n\n> <a id="leeds\.assessment\.progress-review-10-days"><\/a>\*\*Encoded\*\* by `leeds\.assessment\.progress-review-10-days` \(lines 2–3\)/);
    expect(view).toContain('Not found in the source: `x.y.missing`.');
  });
});
