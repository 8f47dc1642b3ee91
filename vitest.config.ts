import { configDefaults, defineConfig } from 'vitest/config';

/** The suite runs once per time zone: results must not depend on `TZ`. */
const timeZones = ['Europe/London', 'America/New_York', 'Pacific/Kiritimati'];

export default defineConfig({
  test: {
    // Property tests and browser tests share two cores across three time-zone projects in CI.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: timeZones.map((tz) => ({
      extends: true,
      test: {
        name: tz,
        env: { TZ: tz },
        include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
        // The jest example (docs/testing.md) is jest's to run, not vitest's.
        exclude: [...configDefaults.exclude, '**/*.jest.test.ts'],
      },
    })),
  },
});
