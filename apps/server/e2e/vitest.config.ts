// The production build, started as `pnpm start` runs it. Not part of `pnpm test`
// (which needs no build); run with `pnpm test:e2e`, which builds first.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    dir: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
