// The production build as a browser receives it from the real server: what the sign-in page
// downloads (brotli-compressed, only its own chunks), and how each kind of file is cached.
import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHarness } from './harness.ts';
import type { Harness } from './harness.ts';

/** The budget for the sign-in page: JavaScript as sent over the wire, compressed. */
const SIGN_IN_JS_BUDGET = 150_000;

let h: Harness | undefined;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('serving the dashboard', () => {
  it('the sign-in page downloads at most 150 KB of compressed JavaScript, each file immutable', async () => {
    if (!h) throw new Error('the harness did not start');
    const { page } = await h.newPage();
    const scripts: Response[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response);
    });
    const document = await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.waitForLoadState('networkidle');

    expect(document?.headers()['cache-control']).toBe('no-cache');
    expect(document?.headers()['content-encoding']).toBe('br');
    let bytes = 0;
    for (const response of scripts) {
      const headers = response.headers();
      expect(headers['content-encoding'], response.url()).toBe('br');
      expect(headers['cache-control'], response.url()).toBe('public, max-age=31536000, immutable');
      bytes += (await response.request().sizes()).responseBodySize;
    }
    const files = scripts.map((r) => new URL(r.url()).pathname.replace(/-[\w-]{8}\.js$/, ''));
    // Only what signing in needs: no dashboard pages, no charts, no password dictionary.
    expect(files).not.toContain('/assets/count-chart');
    expect(files).not.toContain('/assets/common-passwords');
    expect(files).not.toContain('/assets/layout');
    console.info(`sign-in: ${scripts.length} scripts, ${(bytes / 1024).toFixed(1)} KiB brotli`);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(SIGN_IN_JS_BUDGET);
  });
});
