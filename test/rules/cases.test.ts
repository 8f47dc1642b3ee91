import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CaseFile, runCases } from '../../src/authoring/cases.js';
import { readRuleSetFolder, ruleSetFolders } from '../../src/rules/yaml-folder.js';

const rulesDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'rules');

// Every <area>.cases.yaml beside the shipped rules, one test per case so a failure names it.
for (const id of ruleSetFolders(rulesDir)) {
  const files = Object.entries(readRuleSetFolder(join(rulesDir, id))).filter(([name]) => name.endsWith('.cases.yaml'));
  for (const [file, text] of files) {
    const cases = CaseFile.parse(parse(text)).cases;
    describe(`rules/${id}/${file}`, () => {
      it.each(cases.map((c, i) => [`${c.rule}: ${c.name}`, i] as const))('%s', (_, i) => {
        const [result] = runCases(id, [cases[i]!]);
        expect(result!.error).toBeUndefined();
        expect(result!.actual.length, `expected ${result!.expected.join('; ')}, got ${result!.actual.join('; ')}`).toBe(result!.expected.length);
        expect(result!.passed, `expected ${result!.expected.join('; ')}, got ${result!.actual.join('; ')}`).toBe(true);
      });
    });
  }
}

// One name finds everything: a case for rule R sits in <area>.cases.yaml beside the <area>.yaml
// that defines R (in this set, or in the set it extends when it tests an inherited rule).
describe('cases sit beside the rules they test', () => {
  const areaOf = new Map<string, string>();
  const extendsOf = new Map<string, string | undefined>();
  for (const id of ruleSetFolders(rulesDir)) {
    for (const [file, text] of Object.entries(readRuleSetFolder(join(rulesDir, id)))) {
      const doc = parse(text) as { rules?: { id: string }[]; extends?: string };
      if (file === 'rule-set.yaml') extendsOf.set(id, doc.extends);
      else if (!file.endsWith('.cases.yaml')) for (const r of doc.rules ?? []) areaOf.set(`${id}|${r.id}`, file.replace(/\.yaml$/, ''));
    }
  }
  it.each(ruleSetFolders(rulesDir))('%s', (id) => {
    const misplaced: string[] = [];
    for (const [file, text] of Object.entries(readRuleSetFolder(join(rulesDir, id)))) {
      if (!file.endsWith('.cases.yaml')) continue;
      for (const c of CaseFile.parse(parse(text)).cases) {
        let area: string | undefined;
        for (let s: string | undefined = id; s && !area; s = extendsOf.get(s)) area = areaOf.get(`${s}|${c.rule}`);
        if (`${area}.cases.yaml` !== file) misplaced.push(`${file}: ${c.rule} (${c.name}) belongs in ${area}.cases.yaml`);
      }
    }
    expect(misplaced).toEqual([]);
  });
});

describe('runCases can fail', () => {
  const base = { rule: 'england-statutory.reviews.looked-after-first-review', name: 'first review', asOf: '2024-05-01', events: ['2024-03-04 became-looked-after', '2024-04-03 looked-after-review id=r1'] };
  it('passes the right expectation and fails a wrong status, due date, event or count', () => {
    expect(runCases('england-statutory', [{ ...base, expect: ['met 2024-04-03 by r1'] }])[0]!.passed).toBe(true);
    expect(runCases('england-statutory', [{ ...base, expect: [{ status: 'met', due: '2024-04-03', anchor: '2024-03-04', by: 'r1' }] }])[0]!.passed).toBe(true);
    expect(runCases('england-statutory', [{ ...base, expect: [{ status: 'met', says: 'looked-after review' }] }])[0]!.passed).toBe(true);
    for (const wrong of [['met-late 2024-04-03'], ['met 2024-04-04'], ['met 2024-04-03 by e9'], [], ['met 2024-04-03', 'due 2024-07-03'], [{ status: 'met', anchor: '2024-03-05' }], [{ status: 'met', says: 'words it does not say' }]]) {
      expect(runCases('england-statutory', [{ ...base, expect: wrong }])[0]!.passed, JSON.stringify(wrong)).toBe(false);
    }
  });
  it('reports a case the engine cannot run, without throwing', () => {
    const [r] = runCases('england-statutory', [{ ...base, events: ['2024-03-04'], expect: [] }]);
    expect(r!.passed).toBe(false);
    expect(r!.error).toBeDefined();
  });
});
