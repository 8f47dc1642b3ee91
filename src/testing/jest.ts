/**
 * Types for the matchers on jest's `expect`: `import 'practice-timescales/testing/jest'` once (in
 * a setup file or a test), and register them with `expect.extend(timescaleMatchers)`. Covers the
 * `expect` of `@jest/globals` and the global `expect` typed by `@types/jest`.
 * @packageDocumentation
 */
// Loads jest's `expect` types so the augmentation below has a module to merge into.
import type {} from 'expect';
import type { TimescaleMatchers } from './matchers.js';

declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends TimescaleMatchers<R> {}
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R, T = {}> extends TimescaleMatchers<R> {}
  }
}

export {};
