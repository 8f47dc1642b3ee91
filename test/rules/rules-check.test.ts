import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRuleSet } from '../../src/authoring/check.js';
import { starterFiles } from '../../src/authoring/init.js';
import { findQuoteLine, normaliseQuote } from '../../src/rules/normalise-quote.js';
import { formatProblem } from '../../src/rules/compile.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-check-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('rules init writes a folder that passes rules check', () => {
  it('one rule, one case, its quote found on its line', () => {
    const report = checkRuleSet(folder(starterFiles('demo-council', 'england-statutory')));
    expect(report.problems.map((p) => formatProblem(p))).toEqual([]);
    expect([report.rules, report.quotes, report.cases]).toEqual([1, { found: 1, checked: 1 }, { passed: 1, run: 1, skipped: false }]);
    expect(report.quoteLines.get('demo-council.visits.child-in-need')).toEqual({ source: 'standards.txt', line: 5 });
    expect(starterFiles('x', 'england-statutory')['visits.yaml']).toMatch(/^# yaml-language-server: \$schema=/);
  });
});

describe('rules check reports every problem at once, each located', () => {
  const good = starterFiles('demo-council', 'england-statutory');
  it('syntax error, unknown key, bad duration, missing extends, quote not found and unknown rule in a case', () => {
    const visits = good['visits.yaml']!
      .replace('workingDays: 15', 'workingDays: 15\n          weeks: 3')
      .replace('    kind: recurring', '    kind: recurring\n    colour: blue')
      .replace('at least every 15 working days.', 'at least every 10 working days.');
    const dir = folder({
      ...good,
      'rule-set.yaml': good['rule-set.yaml']!.replace('extends: england-statutory', 'extends: nowhere-council'),
      'visits.yaml': visits,
      'assessment.yaml': 'rules:\n  - id: [unclosed\n',
      'visits.cases.yaml': good['visits.cases.yaml']!.replace('rule: demo-council.visits.child-in-need', 'rule: demo-council.visits.no-such-rule'),
    });
    const lines = checkRuleSet(dir).problems.map((p) => formatProblem(p));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^assessment\.yaml:\d+ ?: YAML syntax/),
        expect.stringMatching(/^visits\.yaml:7 rules\.0\.colour: Unknown key "colour"/),
        expect.stringMatching(/^visits\.yaml:16 rules\.0\.phases\.0\.interval: A duration has exactly one unit/),
        expect.stringMatching(/^rule-set\.yaml:8 extends: "extends" names nowhere-council/),
        expect.stringMatching(/^visits\.yaml:2\d rules\.0\.cite\.quote: The quote is not in standards\.txt/),
        expect.stringMatching(/^visits\.cases\.yaml:3 cases\.0\.rule: .*names demo-council\.visits\.no-such-rule/),
      ]),
    );
  });
  it('a repeated rule id (cases then wait for a valid set)', () => {
    const visits = good['visits.yaml']!;
    const rule = visits.slice(visits.indexOf('  - id:'));
    const report = checkRuleSet(folder({ ...good, 'visits.yaml': visits + rule }));
    expect(report.problems.map((p) => formatProblem(p))).toEqual([expect.stringMatching(/^visits\.yaml:29 rules\.1\.id: Rule id demo-council\.visits\.child-in-need appears twice/)]);
    expect(report.cases).toEqual({ passed: 0, run: 0, skipped: true });
  });
  it('a failing case, with what it expected and what the engine gave', () => {
    const dir = folder({ ...good, 'visits.cases.yaml': good['visits.cases.yaml']!.replace('due 2024-02-12', 'due 2024-02-13') });
    const lines = checkRuleSet(dir).problems.map((p) => formatProblem(p));
    expect(lines).toHaveLength(1);
    expect(lines.some((l) => /^visits\.cases\.yaml:3 cases\.0: The case .* failed: expected \[met 2024-01-29 by e2; due 2024-02-13\]/.test(l))).toBe(true);
  });
  it('checks a JSON rule set file too, with lines', () => {
    const dir = folder({});
    const file = join(dir, 'set.json');
    const set = JSON.parse(readFileSync('rules/england-statutory.json', 'utf8'));
    set.id = 'my-copy';
    set.rules = set.rules.slice(0, 1);
    set.rules[0].due = { workingDays: 1.5 };
    writeFileSync(file, JSON.stringify(set, null, 2));
    const lines = checkRuleSet(file).problems.map((p) => formatProblem(p));
    expect(lines).toEqual([expect.stringMatching(/^set\.json:\d+ rules\.0\.due\.workingDays: /)]);
  });
});

describe('quote lines', () => {
  it('finds a quote across line breaks and markers, on the line it starts', () => {
    const source = 'Title\n\n**Visits** will be made\nwithin <sup>5</sup> days\u2019 time.\n';
    expect(findQuoteLine(source, "Visits will be made within 5 days' time.")).toBe(3);
    expect(findQuoteLine(source, 'within 6 days')).toBeUndefined();
    expect(normaliseQuote(source)).toBe("Title Visits will be made within 5 days' time.");
  });
});

describe('the shipped sets and the authoring guide example pass rules check', () => {
  it.each(['rules/england-statutory', 'rules/leeds-2023', 'rules/west-berkshire', 'examples/riverside-council'])('%s', (dir) => {
    const report = checkRuleSet(dir);
    expect(report.problems.map((p) => formatProblem(p, dir))).toEqual([]);
    expect(report.rules).toBeGreaterThan(0);
    expect(report.cases.skipped).toBe(false);
  });
});
