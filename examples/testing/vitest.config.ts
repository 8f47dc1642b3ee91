import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

/**
 * Runs the vitest example in docs/testing.md. The package names point at the sources, so the
 * example runs before a build; its jest twin runs against the built `dist/`.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^practice-timescales$/, replacement: src('index.ts') },
      { find: /^practice-timescales\/testing$/, replacement: src('testing/index.ts') },
      { find: /^practice-timescales\/testing\/vitest$/, replacement: src('testing/vitest.ts') },
    ],
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*.vitest.test.ts'],
    env: { TZ: 'Europe/London' },
  },
});
