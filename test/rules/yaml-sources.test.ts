import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, generateCaseload, type RuleSet } from '../../src/index.js';
import { checkRuleSetFiles, formatProblem } from '../../src/rules/compile.js';
import { getRuleSet, ruleSetIds } from '../../src/rules/registry.js';
import { readRuleSetFolder, ruleSetFolders } from '../../src/rules/yaml-folder.js';
import { ruleSetJsonText, ruleSetToYamlFiles } from '../../src/rules/yaml-source.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rulesDir = join(repoRoot, 'rules');

function compileShipped(id: string) {
  const checked = checkRuleSetFiles(readRuleSetFolder(join(rulesDir, id)));
  expect(checked.problems.map((p) => formatProblem(p, `rules/${id}`))).toEqual([]);
  return checked;
}

describe('the shipped rule sets are written as YAML and compiled to rules/<id>.json', () => {
  it('every shipped set has a YAML folder, and every folder is a shipped set', () => {
    expect(ruleSetFolders(rulesDir)).toEqual([...ruleSetIds].sort());
  });

  it.each(ruleSetIds)('%s: the set compiled from YAML deep-equals rules/%s.json', (id) => {
    const json: unknown = JSON.parse(readFileSync(join(rulesDir, `${id}.json`), 'utf8'));
    expect(compileShipped(id).compiled.ruleSet).toEqual(json);
  });

  it.each(ruleSetIds)('%s: rules/%s.json is not stale (run `npm run rules:compile`)', (id) => {
    expect(readFileSync(join(rulesDir, `${id}.json`), 'utf8')).toBe(ruleSetJsonText(compileShipped(id).compiled.ruleSet));
  });

  it.each(ruleSetIds)('%s: converting the JSON to YAML gives the folder as it stands (no hand edits)', (id) => {
    const json = JSON.parse(readFileSync(join(rulesDir, `${id}.json`), 'utf8'));
    const folder = readRuleSetFolder(join(rulesDir, id));
    const withoutCases = Object.fromEntries(Object.entries(folder).filter(([name]) => !name.endsWith('.cases.yaml')));
    expect(ruleSetToYamlFiles(json)).toEqual(withoutCases);
  });
});

describe('differential: the sets compiled from YAML evaluate byte-identically to the JSON they replace', () => {
  const compiled: Record<string, RuleSet> = Object.fromEntries(ruleSetIds.map((id) => [id, compileShipped(id).ruleSet!]));
  const example = readFileSync(join(repoRoot, 'examples/caseload.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
  const generated = [...generateCaseload({ cases: 150, seed: 15 })];
  const outcome = (snapshot: unknown, ruleSet: string | RuleSet, asOf: string) => {
    try {
      return JSON.stringify(evaluate(snapshot, { ruleSet, asOf, ruleSets: typeof ruleSet === 'string' ? undefined : compiled }));
    } catch (e) {
      return `error ${(e as { code?: string }).code ?? String(e)}`;
    }
  };

  it.each(ruleSetIds)('%s: example and generated caseloads give identical reports', (id) => {
    expect(compiled[id]).toEqual(getRuleSet(id));
    let compared = 0;
    for (const [snapshots, asOf] of [[example, '2024-06-28'], [generated, '2025-03-31']] as const) {
      for (const snapshot of snapshots) {
        const a = outcome(snapshot, id, asOf);
        const b = outcome(snapshot, compiled[id]!, asOf);
        if (a !== b) expect(b, `${(snapshot as { caseId?: string }).caseId}`).toBe(a);
        compared++;
      }
    }
    expect(compared).toBe(example.length + generated.length);
  });
});
