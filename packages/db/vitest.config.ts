import { TEST_TAGS } from '@tenantry/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    tags: TEST_TAGS,
    // PGlite boots in about two seconds, and migrations add a little more.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
