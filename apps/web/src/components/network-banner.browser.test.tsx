// Outages as the user meets them: the banner, a page's error state in words with Retry, at most
// one toast, no retry for a refused request, and pages that recover by themselves.
import { describe, expect, it } from 'vitest';
import { page as screen } from 'vitest/browser';

import { NETWORK_MESSAGE } from '../lib/errors.ts';
import { network } from '../lib/network.ts';
import { AssetPage } from '../routes/asset.tsx';
import { catalogError, createFakeApi } from '../test/fake-api.ts';
import type { FakeApi } from '../test/fake-api.ts';
import { asset, current } from '../test/fixtures.ts';
import { notifications, renderApp } from '../test/render.tsx';
import { NetworkBanner } from './network-banner.tsx';
import { SiteFormDialog } from './site-form.tsx';

/** The test's readiness probe: the fake API is back once it answers. */
const probeOf = (api: FakeApi) => async () => {
  try {
    network.answered((await api.fetch('/trpc/organization.current')).status);
  } catch {
    network.failed();
  }
};

const banner = () => screen.getByRole('status').filter({ hasText: /Tenantry|offline/ });
const at = { at: `/assets/${asset(5).id}`, route: '/assets/:assetId' };

function withBanner(api: FakeApi, ui: React.ReactNode, probe = probeOf(api)) {
  return (
    <>
      {ui}
      <NetworkBanner probe={probe} intervalMs={50} />
    </>
  );
}

describe('when the API stops answering', () => {
  it('shows the banner and the reason with Retry, no toast, and recovers by itself', async () => {
    const api = createFakeApi({
      organization: { current: () => current('ADMIN') },
      asset: { byId: () => asset(5) },
    });
    api.cut();
    await renderApp(withBanner(api, <AssetPage />), { ...at, api });

    await expect.element(banner()).toHaveTextContent("Can't reach Tenantry. Reconnecting…");
    const failed = screen.getByRole('alert').filter({ hasText: 'This asset could not be loaded.' });
    await expect.element(failed).toHaveTextContent(NETWORK_MESSAGE);
    await expect.element(failed.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(notifications().getByRole('alert').query()).toBeNull();
    expect(document.body.textContent).not.toContain('Failed to fetch');

    // The API returns: the probe notices, the banner goes, the page loads without a click.
    api.restore();
    await expect.element(screen.getByRole('heading', { name: 'Pump 005' })).toBeVisible();
    expect(banner().query()).toBeNull();
  });

  it('says a 503 in the API’s own words, after retrying it', async () => {
    const api = createFakeApi({
      asset: {
        byId: () => {
          throw catalogError(
            'SERVICE_UNAVAILABLE',
            'DATABASE_UNAVAILABLE',
            'The service is briefly unavailable. Nothing was changed; try again in a few seconds.',
          );
        },
      },
    });
    // Readiness says 503 too, for as long as the test looks.
    const stillDown = () => {
      network.answered(503);
      return Promise.resolve();
    };
    await renderApp(withBanner(api, <AssetPage />, stillDown), { ...at, api });
    await expect.element(banner()).toHaveTextContent('Tenantry is not answering right now.');
    await expect
      .element(screen.getByRole('alert').filter({ hasText: 'This asset could not be loaded.' }))
      .toHaveTextContent('The service is briefly unavailable.');
    expect(api.inputsOf('asset.byId')).toHaveLength(3);
  });

  it('gives a failed change one toast, however often it is tried', async () => {
    const api = createFakeApi({ site: { create: () => ({ id: 'x' }) as never } });
    api.cut();
    await renderApp(withBanner(api, <SiteFormDialog open onClose={() => undefined} />), { api });
    await screen.getByLabelText('Name').fill('Riverside');
    for (let i = 0; i < 4; i++) await screen.getByRole('button', { name: 'Create site' }).click();
    await expect.element(notifications().getByText(NETWORK_MESSAGE)).toBeVisible();
    expect(notifications().getByRole('listitem').all()).toHaveLength(1);
  });

  it('says so while the browser is offline', async () => {
    const api = createFakeApi({});
    await renderApp(withBanner(api, <p>page</p>), { api });
    window.dispatchEvent(new Event('offline'));
    await expect.element(banner()).toHaveTextContent('You are offline.');
    window.dispatchEvent(new Event('online'));
    await expect.element(banner()).not.toBeInTheDocument();
  });
});
