// Stale pages: a record deleted since it was cached shows "not found", never its old data with
// Edit and Delete; and deleting one drops its page from the cache, so Back asks the server.
import { describe, expect, it } from 'vitest';
import { page as screen } from 'vitest/browser';

import { AssetPage } from '../routes/asset.tsx';
import { apiError, createFakeApi } from '../test/fake-api.ts';
import { asset, current } from '../test/fixtures.ts';
import { renderApp } from '../test/render.tsx';
import { useTRPC } from '../trpc.ts';

const at = { at: `/assets/${asset(5).id}`, route: '/assets/:assetId' };
const gone = () => {
  throw apiError('NOT_FOUND', 'Not found.');
};

describe('stale pages', () => {
  it('a cached record that the server no longer has shows "not found" and no actions', async () => {
    const api = createFakeApi({
      organization: { current: () => current('ADMIN') },
      asset: { byId: () => asset(5) },
    });
    const { queryClient } = await renderApp(<AssetPage />, { ...at, api });
    await expect.element(screen.getByRole('heading', { name: 'Pump 005' })).toBeVisible();

    // Someone else deletes it; the page refetches (a focus, a reconnect, an invalidation).
    api.handle({ asset: { byId: gone } });
    await queryClient.invalidateQueries();
    await expect.element(screen.getByRole('heading', { name: 'Asset not found' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Edit' }).query()).toBeNull();
    expect(screen.getByText('Pump 005').query()).toBeNull();
  });

  it('deleting a record drops its cached page, so Back asks the server again', async () => {
    const api = createFakeApi({
      organization: { current: () => current('ADMIN') },
      asset: { byId: () => asset(5), delete: () => ({ id: asset(5).id }) },
    });
    let keyOf: (() => unknown[]) | undefined;
    function Probe() {
      const trpc = useTRPC();
      keyOf = () => trpc.asset.byId.queryKey({ id: asset(5).id });
      return <AssetPage />;
    }
    const { queryClient } = await renderApp(<Probe />, { ...at, api });
    await screen.getByRole('button', { name: 'Delete' }).click();
    api.handle({ asset: { byId: gone } });
    await screen.getByRole('dialog').getByRole('button', { name: 'Delete asset' }).click();
    await expect.element(screen.getByLabelText('Location')).toHaveTextContent('/buildings/');
    expect(keyOf && queryClient.getQueryData(keyOf())).toBeUndefined();
  });
});
