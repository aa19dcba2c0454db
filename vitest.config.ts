import { defineConfig } from 'vitest/config';

// Node's own resolver reads `main`, which is broken for some @strudel dependencies; the hook in
// src/node/prefer-module-field.mjs makes Node read `module` instead, as bundlers do.
const nodeHooks = ['--import', './src/node/register.mjs'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    poolOptions: { forks: { execArgv: nodeHooks } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
