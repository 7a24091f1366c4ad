// PagedTable through a real list (AssetsTable: tRPC's infinite query,
// search in the URL) against a fake API endpoint.
import { ZListAssetsInput } from '@tenantry/api/schemas';
import { describe, expect, it } from 'vitest';
import { page as screen } from 'vitest/browser';

import { apiError, createFakeApi, deferred } from '../test/fake-api.ts';
import { asset, assets, page, uuid } from '../test/fixtures.ts';
import { NETWORK_MESSAGE } from '../lib/errors.ts';
import { notifications, renderApp } from '../test/render.tsx';
import { AssetsTable } from './assets-table.tsx';

const table = () => screen.getByRole('table', { name: 'Assets' });
// Row 0 is the header.
const row = (n: number) => table().getByRole('row').nth(n);
const rowCount = () => table().getByRole('row').elements().length - 1;
/** asset.count's answer. */
const total = (count: number) => ({ count, capped: false });
const loadMore = () => screen.getByRole('button', { name: 'Load more' });

describe('PagedTable', () => {
  it('shows a loading state until the first page arrives, then its rows', async () => {
    const firstPage = deferred();
    const { api } = await renderApp(<AssetsTable />, {
      at: '/assets',
      api: {
        asset: {
          count: () => total(30),
          list: async () => {
            await firstPage.promise;
            return page(assets(1, 25), uuid(25));
          },
        },
      },
    });
    await expect.element(screen.getByRole('status', { name: 'Loading' })).toBeVisible();
    expect(table().query()).toBeNull();

    firstPage.release();
    await expect.element(table()).toBeVisible();
    expect(rowCount()).toBe(25);
    await expect.element(row(1)).toHaveTextContent('PUMP-001');
    await expect
      .element(row(1).getByRole('link', { name: 'Pump 001' }))
      .toHaveAttribute('href', `/assets/${uuid(1)}`);
    await expect.element(screen.getByText('25 of 30 shown', { exact: true })).toBeVisible();
    await expect.element(loadMore()).toBeEnabled();
    expect(screen.getByRole('status', { name: 'Loading' }).query()).toBeNull();
    // The first page sends no cursor at all, and the input passes the API's strict schema.
    expect(api.inputsOf('asset.list')).toEqual([{ limit: 25, direction: 'forward' }]);
  });

  it('"Load more" asks for the page after the server\'s cursor and appends it', async () => {
    const secondPage = deferred();
    const { api } = await renderApp(<AssetsTable />, {
      at: '/assets',
      api: {
        asset: {
          count: () => total(30),
          list: async (input) => {
            if (!input.cursor) return page(assets(1, 25), uuid(25));
            await secondPage.promise;
            return page(assets(26, 30), null);
          },
        },
      },
    });
    await expect.element(loadMore()).toBeEnabled();
    await loadMore().click();
    // While the next page is on its way the button says so and cannot be pressed twice.
    await expect.element(screen.getByRole('button', { name: 'Loading…' })).toBeDisabled();
    expect(rowCount()).toBe(25);

    secondPage.release();
    await expect.element(screen.getByText('30 of 30 shown · end of list')).toBeVisible();
    expect(rowCount()).toBe(30);
    await expect.element(row(26)).toHaveTextContent('PUMP-026');
    await expect.element(row(30)).toHaveTextContent('PUMP-030');
    expect(loadMore().query()).toBeNull();

    const inputs = api.inputsOf('asset.list');
    expect(inputs).toEqual([
      { limit: 25, direction: 'forward' },
      { limit: 25, cursor: uuid(25), direction: 'forward' },
    ]);
    for (const input of inputs) expect(() => ZListAssetsInput.parse(input)).not.toThrow();
  });

  it('says the list is empty, in words that depend on the filters', async () => {
    await renderApp(<AssetsTable />, {
      at: '/assets',
      api: { asset: { list: () => page([]), count: () => total(0) } },
    });
    await expect.element(screen.getByText('No assets yet.')).toBeVisible();
    expect(table().query()).toBeNull();
    expect(screen.getByText(/shown/).query()).toBeNull();
  });

  it('filters through the URL: a search that finds nothing says so', async () => {
    const api = createFakeApi({
      asset: {
        list: (input) => (input.search ? page([]) : page([asset(1), asset(2)])),
        count: (input) => total(input.search ? 0 : 2),
      },
    });
    await renderApp(<AssetsTable />, { at: '/assets?status=RETIRED', api });
    await expect.element(screen.getByText('2 of 2 shown · end of list')).toBeVisible();
    expect(api.inputsOf('asset.list')).toEqual([{ limit: 25, status: 'RETIRED', direction: 'forward' }]);

    await screen.getByLabelText('Search assets by name, tag or serial').fill('zzz');
    await expect.element(screen.getByText('No assets match these filters.')).toBeVisible();
    await expect
      .element(screen.getByRole('status', { name: 'Location' }))
      .toHaveTextContent('/assets?status=RETIRED&q=zzz');
    expect(api.inputsOf('asset.list').at(-1)).toEqual({
      limit: 25,
      search: 'zzz',
      status: 'RETIRED',
      direction: 'forward',
    });
  });

  it("a first page that fails is retried twice, then shows the server's message and Retry", async () => {
    const api = createFakeApi({
      asset: {
        count: () => total(1),
        list: () => {
          throw apiError('INTERNAL_SERVER_ERROR', 'The database is not answering.');
        },
      },
    });
    await renderApp(<AssetsTable />, { at: '/assets', api });
    const failed = screen.getByRole('alert').filter({ hasText: 'This list could not be loaded.' });
    await expect.element(failed).toHaveTextContent('The database is not answering.');
    expect(api.inputsOf('asset.list')).toHaveLength(3);
    // The error state says it; a toast would say it twice.
    expect(notifications().getByRole('alert').query()).toBeNull();

    api.handle({ asset: { list: () => page([asset(7)]) } });
    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect.element(table().getByText('PUMP-007')).toBeVisible();
    expect(failed.query()).toBeNull();
  });

  it('a next page that is refused keeps the rows already loaded, says why, and offers Retry', async () => {
    const api = createFakeApi({
      asset: {
        count: () => total(50),
        list: (input) => {
          if (input.cursor) throw apiError('BAD_REQUEST', 'That cursor is not valid.');
          return page(assets(1, 25), uuid(25));
        },
      },
    });
    await renderApp(<AssetsTable />, { at: '/assets', api });
    await loadMore().click();
    await expect
      .element(screen.getByRole('alert').filter({ hasText: 'That cursor is not valid.' }))
      .toBeVisible();
    await expect
      .element(screen.getByText('More could not be loaded. That cursor is not valid.'))
      .toBeVisible();
    // BAD_REQUEST is not retried.
    expect(api.inputsOf('asset.list')).toHaveLength(2);
    expect(rowCount()).toBe(25);
    await expect.element(screen.getByRole('button', { name: 'Retry' })).toBeEnabled();
    expect(screen.getByText('This list could not be loaded.').query()).toBeNull();
  });

  it('a next page lost to the network keeps the rows, says so in words, and Retry loads it', async () => {
    const api = createFakeApi({
      asset: {
        list: (input) => (input.cursor ? page(assets(26, 50)) : page(assets(1, 25), uuid(25))),
        count: () => total(50),
      },
    });
    await renderApp(<AssetsTable />, { at: '/assets', api });
    await expect.element(row(1)).toHaveTextContent('PUMP-001');
    api.cut();
    await loadMore().click();
    await expect.element(screen.getByText(`More could not be loaded. ${NETWORK_MESSAGE}`)).toBeVisible();
    expect(rowCount()).toBe(25);
    // No toast for a lost connection (the offline banner says it once), and never fetch's own words.
    expect(notifications().getByRole('alert').query()).toBeNull();
    expect(document.body.textContent).not.toContain('Failed to fetch');

    api.restore();
    await screen.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(rowCount).toBe(50);
    expect(screen.getByText('More could not be loaded.', { exact: false }).query()).toBeNull();
  });
});
