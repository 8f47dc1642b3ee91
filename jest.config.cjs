// Jest runs the jest example in docs/testing.md (the vitest suite is run by vitest). The example
// imports the published names, mapped here to the built `dist/`: run `npm run build` first.
// ts-jest only transpiles (to CommonJS); `npm run typecheck` checks the example's types.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/examples/testing'],
  testMatch: ['**/*.jest.test.ts'],
  moduleNameMapper: {
    '^practice-timescales$': '<rootDir>/dist/index.cjs',
    '^practice-timescales/testing$': '<rootDir>/dist/testing.cjs',
    '^practice-timescales/testing/jest$': '<rootDir>/dist/testing-jest.cjs',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10', isolatedModules: true, esModuleInterop: true } }],
  },
};
