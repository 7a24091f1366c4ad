// Browser tests: real Chromium against a real server. Not part of `pnpm test`;
// run with `pnpm test:e2e`, which builds first.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    dir: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
