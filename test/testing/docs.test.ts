import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('docs/testing.md', () => {
  it.each(['examples/testing/overdue-visits.vitest.test.ts', 'examples/testing/overdue-visits.jest.test.ts'])('shows %s as it is, so the documented example is the one CI runs', (path) => {
    expect(read('docs/testing.md')).toContain(`\`\`\`ts\n${read(path).trimEnd()}\n\`\`\``);
  });
});
