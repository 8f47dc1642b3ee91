import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { CaseFile } from '../../src/authoring/cases.js';
import { parseRuleSet } from '../../src/index.js';
import { describeRuleCases, ruleCases, type TestFunctions } from '../../src/testing/index.js';

const root = join(__dirname, '../..');
const RIVERSIDE = join(root, 'examples/riverside-council');

/** How many cases the `*.cases.yaml` files of a folder hold, read independently of the code under test. */
function countCases(dir: string): number {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cases.yaml'))
    .reduce((n, f) => n + CaseFile.parse(parseDocument(readFileSync(join(dir, f), 'utf8')).toJS()).cases.length, 0);
}

/** describeRuleCases with a recording runner: every test's name and the error its body throws, if any. */
function register(ruleSet: Parameters<typeof describeRuleCases>[0]): { name: string; error?: string }[] {
  const out: { name: string; error?: string }[] = [];
  const path: string[] = [];
  const fns: TestFunctions = {
    describe: (name, body) => {
      path.push(name);
      body();
      path.pop();
    },
    it: (name, body) => {
      try {
        body();
        out.push({ name: [...path, name].join(' > ') });
      } catch (e) {
        out.push({ name: [...path, name].join(' > '), error: (e as Error).message });
      }
    },
  };
  describeRuleCases(ruleSet, fns);
  return out;
}

const temp = mkdtempSync(join(tmpdir(), 'pt-rule-cases-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A council folder beside the shipped ones' format: Riverside's files with `changes` applied. */
function council(name: string, changes: Record<string, string> = {}): string {
  const dir = join(temp, name);
  cpSync(RIVERSIDE, dir, { recursive: true });
  for (const [file, text] of Object.entries(changes)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('ruleCases: the cases of a set and of the sets it extends', () => {
  it('a shipped set by id: every case in its folder and its base\'s, shipped with the package', () => {
    const national = countCases(join(root, 'rules/england-statutory'));
    expect(national).toBeGreaterThan(0);
    for (const id of ['england-statutory', 'leeds-2023', 'west-berkshire']) {
      const own = id === 'england-statutory' ? 0 : countCases(join(root, 'rules', id));
      const cases = ruleCases(id);
      expect(cases).toHaveLength(national + own);
      expect(cases.slice(0, national).every((c) => c.from === 'england-statutory')).toBe(true);
      for (const c of cases) expect(c.run(), c.where).toMatchObject({ passed: true });
    }
  });

  it('a council folder that extends a shipped set: the shipped cases first, then its own, each located by file and line', () => {
    const cases = ruleCases('examples/riverside-council');
    const national = countCases(join(root, 'rules/england-statutory'));
    expect(cases).toHaveLength(national + countCases(RIVERSIDE));
    expect(cases[0]!.where).toMatch(/^england-statutory\/[a-z-]+\.cases\.yaml:\d+$/);
    expect(cases.at(-1)!.from).toBe('riverside-2025');
    expect(cases.at(-1)!.where).toMatch(/^riverside-2025\/visits\.cases\.yaml:\d+$/);
    for (const c of cases) expect(c.run(), c.where).toMatchObject({ passed: true });
  });

  it('a set object: the cases of the shipped sets it extends', () => {
    const ours = parseRuleSet({ id: 'ours', title: 'Ours', authority: 'Us', source: 'ours.txt', inForce: { from: '2020-01-01' }, extends: 'england-statutory', rules: [] });
    expect(ruleCases(ours).map((c) => c.where)).toEqual(ruleCases('england-statutory').map((c) => c.where));
  });

  it('a set that extends a folder beside it: that folder\'s cases and the shipped ones it extends', () => {
    const base = council('riverside-2025');
    const district = join(temp, 'district');
    mkdirSync(district);
    writeFileSync(join(district, 'rule-set.yaml'), 'id: district\ntitle: District\nauthority: District Council\nsource: standards.txt\ninForce:\n  from: 2025-01-06\nextends: riverside-2025\nrules: []\n');
    const cases = ruleCases(district);
    expect(cases.map((c) => c.from)).toEqual(ruleCases(base).map((c) => c.from));
    for (const c of cases) expect(c.run(), c.where).toMatchObject({ passed: true });
  });

  it('refuses a name that is neither a shipped set nor a rule set folder, saying so', () => {
    expect(() => ruleCases('leeds-2099')).toThrow(/neither a shipped rule set .* nor a rule set folder/);
  });
});

describe('describeRuleCases: one call registers every case, and a wrong one fails its test', () => {
  it('registers one passing test per case, grouped by set and file', () => {
    const tests = register('examples/riverside-council');
    expect(tests).toHaveLength(ruleCases('examples/riverside-council').length);
    expect(tests.every((t) => t.error === undefined)).toBe(true);
    expect(tests[0]!.name).toMatch(/^rule cases of riverside-2025 > england-statutory\/[a-z-]+\.cases\.yaml > england-statutory\.[a-z-]+\.[a-z-]+: /);
    expect(tests.map((t) => t.name)).toContain('rule cases of riverside-2025 > england-statutory/reviews.cases.yaml > england-statutory.reviews.looked-after-first-review: on time');
  });

  it('a council that changes a shipped rule\'s timescale fails the shipped cases of that rule', () => {
    // Riverside writes the national first review with 15 working days instead of regulation 33's 20.
    const national = readFileSync(join(root, 'rules/england-statutory/reviews.yaml'), 'utf8');
    const doc = parseDocument(national);
    const rules = (doc.toJS() as { rules: { id: string; due?: unknown }[] }).rules;
    const changed = { ...rules.find((r) => r.id === 'england-statutory.reviews.looked-after-first-review')!, due: { workingDays: 15 } };
    const dir = council('changed', {
      'reviews.yaml': `rules: ${JSON.stringify([changed])}\n`,
      // In force over the shipped cases' dates (2024), as a council's standards would be.
      'rule-set.yaml': readFileSync(join(RIVERSIDE, 'rule-set.yaml'), 'utf8').replace('from: 2025-01-06', 'from: 2020-01-06'),
    });
    const tests = register(dir);
    const failed = tests.filter((t) => t.error !== undefined);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((t) => t.name.includes('england-statutory.reviews.looked-after-first-review'))).toBe(true);
    expect(failed[0]!.error).toMatch(/^The case "on time" \(england-statutory\.reviews\.looked-after-first-review, england-statutory\/reviews\.cases\.yaml:\d+\) failed against riverside-2025:\nexpected \[met 2024-04-03 by r1\]\n {3}got \[/);
    // The rest still pass: the change, not the call, is what fails.
    expect(tests.length - failed.length).toBeGreaterThan(countCases(RIVERSIDE));
  });

  it('a wrong case of the council\'s own fails, naming its file and line', () => {
    const text = readFileSync(join(RIVERSIDE, 'visits.cases.yaml'), 'utf8');
    const wrong = text.replace('      - met 2025-03-24 by e2', '      - met 2025-03-25 by e2');
    expect(wrong).not.toBe(text);
    const tests = register(council('wrong-case', { 'visits.cases.yaml': wrong }));
    const failed = tests.filter((t) => t.error !== undefined);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toMatch(/riverside\.visits\.child-in-need, riverside-2025\/visits\.cases\.yaml:5\) failed against riverside-2025:\nexpected \[met 2025-03-25 by e2; due 2025-04-10\]\n {3}got \[met 2025-03-24 by e2 \(anchor 2025-03-03\); due 2025-04-10/);
  });

  it('a cases file that cannot be read stops the call, naming the file and line', () => {
    const dir = council('unreadable', { 'visits.cases.yaml': 'cases:\n  - rule: riverside.visits.child-in-need\n    nme: typo\n' });
    expect(() => register(dir)).toThrow(/visits\.cases\.yaml:2 cases\.0/);
  });
});

// The call as a council's suite makes it, with vitest's own describe and it.
describeRuleCases('examples/riverside-council', { describe, it });
