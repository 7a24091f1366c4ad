// `pnpm test`: one vitest run over every package, so that one pool of workers,
// sized for a 2-core machine, serves them all (one run per package through
// turbo started four pools at once, which starved each other).
import { existsSync } from 'node:fs';

import { SummaryReporter, TEST_TAGS } from '@tenantry/vitest-config';
import { defineConfig } from 'vitest/config';

/** The web component tests need Debian's Chromium; without it they are left out, and the summary says so. */
const chromium = existsSync('/usr/bin/chromium');

export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      'apps/web/vitest.unit.config.ts',
      ...(chromium ? ['apps/web/vitest.browser.config.ts'] : []),
    ],
    maxWorkers: 2,
    reporters: [
      'default',
      new SummaryReporter(
        TEST_TAGS,
        chromium ? [] : ['not run: web component tests (no /usr/bin/chromium; apt-get install -y chromium)'],
      ),
    ],
  },
});
