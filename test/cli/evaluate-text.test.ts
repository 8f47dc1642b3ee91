import { afterAll, describe, expect, it } from 'vitest';
import { CASES_JSONL } from './fixtures/caseload.js';
import { cli, RULES_FILE, tempFiles } from './support/cli.js';

const BASE = ['--rules-file', RULES_FILE, '--as-of', '2024-04-09'];
const files = tempFiles({ 'cases.jsonl': CASES_JSONL });
afterAll(() => files.remove());

describe('evaluate --format text', () => {
  it('hides not-applicable obligations by default and says how many', async () => {
    const r = await cli(['evaluate', files.path('cases.jsonl'), ...BASE, '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('N/A');
    // Each of the five cases has one rule that does not concern it.
    expect(r.stdout).toContain('5 not-applicable obligations hidden; --only all shows them.\n');
  });

  it('shows them with --only all, and then has nothing to hide', async () => {
    const r = await cli(['evaluate', files.path('cases.jsonl'), ...BASE, '--format', 'text', '--only', 'all']);
    expect(r.stdout.match(/^ {2}N\/A /gm)).toHaveLength(5);
    expect(r.stdout).not.toContain('hidden');
  });

  it('leaves the machine formats whole', async () => {
    const r = await cli(['evaluate', files.path('cases.jsonl'), ...BASE]);
    expect(r.stdout.match(/"not-applicable"/g)).toHaveLength(5);
  });
});
