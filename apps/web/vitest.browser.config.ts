// Component tests in Debian's Chromium (Vitest browser mode); the root `pnpm test`
// runs them when /usr/bin/chromium is installed.
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

import { CHROMIUM } from './chromium.ts';

// Failure screenshots and attachments land in the git-ignored artifacts/ folder, not next to the tests.
const ARTIFACTS = `${import.meta.dirname}/artifacts`;

export default defineConfig({
  plugins: [react(), tailwindcss()],
  // Bundled together before the first test: a dependency found mid-run is bundled on its
  // own, gets a second copy of React, and the page reloads.
  optimizeDeps: {
    include: [
      '@hookform/resolvers/zod',
      '@tanstack/react-query',
      '@trpc/client',
      '@trpc/server',
      '@trpc/server/adapters/fetch',
      '@trpc/tanstack-react-query',
      'react',
      'react-dom',
      'react-dom/client',
      'react-hook-form',
      'react-router',
      'react/jsx-dev-runtime',
      'react-error-boundary',
      'sonner',
      'superjson',
      'vitest-browser-react',
      'zod',
    ],
  },
  test: {
    name: '@tenantry/web (browser)',
    attachmentsDir: `${ARTIFACTS}/vitest-attachments`,
    include: ['src/**/*.browser.test.tsx'],
    setupFiles: ['src/test/setup.ts'],
    expect: { poll: { timeout: 5_000 } },
    fileParallelism: false,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: CHROMIUM,
      }),
      instances: [{ browser: 'chromium' }],
      // A desktop by default (the sidebar shows from 768 px); phone tests set their own with page.viewport.
      viewport: { width: 1280, height: 860 },
      screenshotDirectory: `${ARTIFACTS}/browser-failures`,
    },
  },
});
