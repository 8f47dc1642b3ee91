import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, generateCaseload, type RuleSet } from '../../src/index.js';
import { checkRuleSetFiles, formatProblem } from '../../src/rules/compile.js';
import { getRuleSet, ruleSetIds } from '../../src/rules/registry.js';
import { readRuleSetFolder, ruleSetFolders } from '../../src/rules/yaml-folder.js';
import { joinReadings, splitReadings, type RuleSetReadings } from '../../src/rules/sets/readings.js';
import { ruleSetJsonText, ruleSetToYamlFiles } from '../../src/rules/yaml-source.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rulesDir = join(repoRoot, 'rules');

function compileShipped(id: string) {
  const checked = checkRuleSetFiles(readRuleSetFolder(join(rulesDir, id)));
  expect(checked.problems.map((p) => formatProblem(p, `rules/${id}`))).toEqual([]);
  return checked;
}

const readJson = (name: string): unknown => JSON.parse(readFileSync(join(rulesDir, name), 'utf8'));

describe('the shipped rule sets are written as YAML and compiled to rules/<id>.json and rules/<id>.readings.json', () => {
  it('every shipped set has a YAML folder, and every folder is a shipped set', () => {
    expect(ruleSetFolders(rulesDir)).toEqual([...ruleSetIds].sort());
  });

  it.each(ruleSetIds)('%s: the set compiled from YAML deep-equals rules/%s.json with rules/%s.readings.json joined in', (id) => {
    const yaml = compileShipped(id).compiled.ruleSet as unknown as RuleSet;
    expect(joinReadings(readJson(`${id}.json`) as RuleSet, readJson(`${id}.readings.json`) as RuleSetReadings)).toEqual(yaml);
    expect(splitReadings(yaml).table).toEqual(readJson(`${id}.json`));
  });

  it.each(ruleSetIds)('%s: rules/%s.json and its readings are not stale (run `npm run rules:compile`)', (id) => {
    const { table, readings } = splitReadings(compileShipped(id).compiled.ruleSet as unknown as RuleSet);
    expect(readFileSync(join(rulesDir, `${id}.json`), 'utf8')).toBe(ruleSetJsonText(table));
    expect(readFileSync(join(rulesDir, `${id}.readings.json`), 'utf8')).toBe(ruleSetJsonText(readings));
  });

  it.each(ruleSetIds)('%s: the table holds no note and no guidance; every note of the YAML is in the readings', (id) => {
    const text = readFileSync(join(rulesDir, `${id}.json`), 'utf8');
    expect(text).not.toMatch(/"note":|"guidance":/);
    const yaml = compileShipped(id).compiled.ruleSet as unknown as RuleSet;
    const readings = readJson(`${id}.readings.json`) as RuleSetReadings;
    const notes = yaml.rules.filter((r) => r.note !== undefined);
    expect(notes.length).toBeGreaterThan(0);
    for (const r of notes) expect(readings.rules[r.id]?.note, r.id).toBe(r.note);
    expect(readings.guidance).toEqual(yaml.guidance ?? []);
  });

  it.each(ruleSetIds)('%s: converting the JSON to YAML gives the folder as it stands (no hand edits)', (id) => {
    const json = joinReadings(readJson(`${id}.json`) as RuleSet, readJson(`${id}.readings.json`) as RuleSetReadings);
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
    // The shipped table is the compiled set less its readings; the reports below, made with the
    // readings and without, are identical: no evaluation reads them.
    expect(splitReadings(compiled[id]!).table).toEqual(getRuleSet(id));
    expect(compiled[id]!.rules.some((r) => r.note !== undefined)).toBe(true);
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
