import { TEST_TAGS } from '@tenantry/vitest-config';
import { defineConfig } from 'vitest/config';

// The web app's Node tests; the component tests in Chromium are vitest.browser.config.ts.
export default defineConfig({
  test: { name: '@tenantry/web', environment: 'node', include: ['src/**/*.test.ts'], tags: TEST_TAGS },
});
