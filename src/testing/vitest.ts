/**
 * Types for the matchers on vitest's `expect`: `import 'practice-timescales/testing/vitest'` once
 * (in a setup file or a test), and register them with `expect.extend(timescaleMatchers)`.
 * @packageDocumentation
 */
// Loads vitest's types so the augmentation below has a module to merge into.
import type {} from 'vitest';
import type { TimescaleMatchers } from './matchers.js';

declare module 'vitest' {
  // Merges the matchers into vitest's Assertion and AsymmetricMatchers.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends TimescaleMatchers<void> {}
}

export {};
