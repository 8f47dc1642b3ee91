/**
 * What the published tarball holds for the runnable rule cases and the readings: every
 * `rules/<id>/*.cases.yaml` (found by glob, so a new cases file ships without a list to update)
 * and every `rules/<id>.readings.json`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleSetIds } from '../../src/rules/registry.js';

const root = join(__dirname, '../..');

// What npm packs does not depend on the time zone: once is enough.
describe.runIf(process.env.TZ === 'Europe/London')('the package ships the rule cases and readings', () => {
  it('npm pack holds every rules/<id>/*.cases.yaml and rules/<id>.readings.json', { timeout: 120_000 }, () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const packed = new Set((JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    const expected = ruleSetIds.flatMap((id) => [
      `rules/${id}.readings.json`,
      ...readdirSync(join(root, 'rules', id)).filter((f) => f.endsWith('.cases.yaml')).map((f) => `rules/${id}/${f}`),
    ]);
    expect(expected.some((f) => f.endsWith('.cases.yaml'))).toBe(true);
    expect(expected.filter((f) => !packed.has(f))).toEqual([]);
  });
});
