import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../../src/rules/registry.js';
import { cli, tempFiles } from './support/cli.js';

describe('practice-timescales rules', () => {
  it('check: a short report and exit 0 for the example council', async () => {
    const r = await cli(['rules', 'check', 'examples/riverside-council']);
    expect(r.stdout).toBe('examples/riverside-council: 3 rules, 1 guidance entries, quotes found 4/4, cases passed 5/5; no problems\n');
    expect(r.code).toBe(0);
  });
  it('check: exit 1 with each problem located', async () => {
    const t = tempFiles({ 'rule-set.yaml': 'id: x\ntitle: [\n' });
    try {
      const r = await cli(['rules', 'check', t.dir]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/rule-set\.yaml:\d+: YAML syntax/);
    } finally {
      t.remove();
    }
  });
  it('compile: the folder as a JSON rule set, usable as --rules-file', async () => {
    const r = await cli(['rules', 'compile', 'examples/riverside-council']);
    expect(r.code).toBe(0);
    expect(parseRuleSet(JSON.parse(r.stdout)).rules.map((rule) => rule.id)).toEqual(['riverside.assessment.visit-within-3-days', 'riverside.visits.child-in-need', 'riverside.visits.child-protection']);
  });
  it('init: writes a starting folder that check passes, and refuses an existing one', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rules-init-'));
    try {
      const r = await cli(['rules', 'init', 'demo-council', '--extends', 'england-statutory'], { cwd });
      expect(r.code).toBe(0);
      expect(existsSync(join(cwd, 'demo-council', 'visits.cases.yaml'))).toBe(true);
      const again = await cli(['rules', 'init', 'demo-council', '--extends', 'england-statutory'], { cwd });
      expect(again.code).toBe(2);
      const check = await cli(['rules', 'check', join(cwd, 'demo-council')]);
      expect(check.stdout).toMatch(/1 rules, 0 guidance entries, quotes found 1\/1, cases passed 1\/1; no problems/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
