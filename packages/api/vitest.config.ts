import { TEST_TAGS } from '@tenantry/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    tags: TEST_TAGS,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
