// The server goes away mid-use and comes back: the real server and the built dashboard, with a
// TCP proxy in between that the test cuts (for the browser, the server is gone) and restores.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { NETWORK_MESSAGE } from '../src/lib/errors.ts';
import { apiAs, SCREENSHOTS, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';

let h: Harness | undefined;
beforeAll(async () => {
  h = await startHarness({ cuttable: true });
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [i, page] of (h?.pages() ?? []).entries()) {
    await page.screenshot({ path: `${SCREENSHOTS}failed-outage-${i}.png` }).catch(() => undefined);
  }
});
afterAll(async () => {
  await h?.close();
});

describe('an outage mid-use', () => {
  it('shows the banner and the reason with Retry, never "Failed to fetch", and recovers by itself', async () => {
    if (!h?.link) throw new Error('the harness did not start');
    const { context, page } = await h.newPage();
    await page.goto('/sign-up');
    await page.getByLabel('Organization name').fill('Outage Inc');
    await page.getByLabel('Your name').fill('Olga Outage');
    await page.getByLabel('Work email').fill('olga@outage.test');
    await page.getByLabel('Password').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const api = await apiAs(context, h.baseURL);
    const site = await api.site.create.mutate({ name: 'Harbour' });
    const building = await api.building.create.mutate({ siteId: site.id, name: 'Pier 1' });
    for (const tag of ['PUMP-1', 'PUMP-2']) {
      await api.asset.create.mutate({ buildingId: building.id, tag, name: `Pump ${tag}`, category: 'Pump' });
    }

    // The asset page's code is loaded once while all is well, as it would be in real use.
    await page.goto('/assets');
    await page.getByRole('link', { name: 'Pump PUMP-1' }).click();
    await page.getByRole('heading', { name: 'Pump PUMP-1' }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: 'Pump PUMP-2' }).waitFor();

    await h.link.cut();
    await page.getByRole('link', { name: 'Pump PUMP-2' }).click();
    const banner = page.getByRole('status').filter({ hasText: "Can't reach Tenantry" });
    await banner.waitFor();
    const failed = page.getByRole('alert').filter({ hasText: 'This asset could not be loaded.' });
    await failed.getByText(NETWORK_MESSAGE).waitFor();
    await failed.getByRole('button', { name: 'Retry' }).waitFor();
    expect(await page.locator('.animate-pulse').count()).toBe(0);
    expect(
      await page
        .getByRole('region', { name: /Notifications/ })
        .getByRole('alert')
        .count(),
    ).toBeLessThanOrEqual(1);
    expect(await page.locator('body').innerText()).not.toContain('Failed to fetch');
    await page.screenshot({ path: `${SCREENSHOTS}30-outage.png` });

    // The server is reachable again: the banner goes and the page loads, with no click.
    await h.link.restore();
    await page.getByRole('heading', { name: 'Pump PUMP-2' }).waitFor();
    await expect.poll(() => banner.count()).toBe(0);

    // The browser's own offline state has its own words.
    await context.setOffline(true);
    const offline = page.getByRole('status').filter({ hasText: 'You are offline.' });
    await offline.waitFor();
    await context.setOffline(false);
    await expect.poll(() => offline.count()).toBe(0);
  });
});
