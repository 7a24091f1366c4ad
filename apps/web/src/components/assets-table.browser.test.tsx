// The assets list at scale: the total that matches, sortable headers, page
// size and filters by site, building, category and status, all in the URL;
// and the overview's KPI cards that link to the filtered list.
import { ZCountAssetsInput, ZListAssetsInput } from '@tenantry/api/schemas';
import { describe, expect, it } from 'vitest';
import { page as screen } from 'vitest/browser';

import { OverviewPage } from '../routes/overview.tsx';
import { createFakeApi } from '../test/fake-api.ts';
import { asset, assets, building, current, page, site, SITE, uuid } from '../test/fixtures.ts';
import { renderApp } from '../test/render.tsx';
import { AssetLocationFilters } from './asset-location-filters.tsx';
import { AssetsTable } from './assets-table.tsx';

const location = () => screen.getByRole('status', { name: 'Location' });
const header = (name: string) => screen.getByRole('columnheader', { name });

describe('AssetsTable at scale', () => {
  it('reads its sort, page size and filters from the URL, and shows the total', async () => {
    const api = createFakeApi({
      asset: {
        list: () => page(assets(1, 50), 'next'),
        count: () => ({ count: 10_000, capped: true }),
      },
    });
    await renderApp(<AssetsTable />, { at: '/assets?status=MAINTENANCE&sort=name&order=desc&size=50', api });
    await expect.element(screen.getByText('50 of 10,000+ shown', { exact: true })).toBeVisible();
    await expect.element(screen.getByText('10,000+ assets')).toBeVisible();
    await expect.element(header('Name')).toHaveAttribute('aria-sort', 'descending');
    await expect.element(header('Tag')).toHaveAttribute('aria-sort', 'none');
    expect(header('Location').element().hasAttribute('aria-sort')).toBe(false);
    expect(api.inputsOf('asset.list')).toEqual([
      { status: 'MAINTENANCE', sort: 'name', order: 'desc', limit: 50, direction: 'forward' },
    ]);
    expect(api.inputsOf('asset.count')).toEqual([{ status: 'MAINTENANCE' }]);
    for (const input of api.inputsOf('asset.list')) expect(() => ZListAssetsInput.parse(input)).not.toThrow();
    for (const input of api.inputsOf('asset.count'))
      expect(() => ZCountAssetsInput.parse(input)).not.toThrow();
  });

  it('sorts by a header: its natural order, the reverse, then newest first again', async () => {
    const api = createFakeApi({
      asset: { list: () => page([asset(1), asset(2)]), count: () => ({ count: 2, capped: false }) },
    });
    await renderApp(<AssetsTable />, { at: '/assets', api });
    const tag = header('Tag').getByRole('button', { name: 'Tag' });
    await tag.click();
    await expect.element(location()).toHaveTextContent('/assets?sort=tag&order=asc');
    await expect.element(header('Tag')).toHaveAttribute('aria-sort', 'ascending');
    await tag.click();
    await expect.element(header('Tag')).toHaveAttribute('aria-sort', 'descending');
    await tag.click();
    await expect.element(location()).toHaveTextContent(/^\/assets$/);
    await expect.element(header('Tag')).toHaveAttribute('aria-sort', 'none');
    await header('Updated').getByRole('button').click();
    await expect.element(location()).toHaveTextContent('/assets?sort=updated&order=desc');
    // Back at newest first, the list may come from the cache: each sort was asked for, whatever the count.
    for (const input of [
      { limit: 25, direction: 'forward' },
      { sort: 'tag', order: 'asc', limit: 25, direction: 'forward' },
      { sort: 'tag', order: 'desc', limit: 25, direction: 'forward' },
      { sort: 'updated', order: 'desc', limit: 25, direction: 'forward' },
    ]) {
      await expect.poll(() => api.inputsOf('asset.list')).toContainEqual(input);
    }
    // The count does not depend on the sort: it was asked once.
    expect(api.inputsOf('asset.count')).toEqual([{}]);
  });

  it('changes the page size in the URL', async () => {
    const api = createFakeApi({
      asset: { list: () => page([asset(1)]), count: () => ({ count: 1, capped: false }) },
    });
    await renderApp(<AssetsTable />, { at: '/assets', api });
    await expect.element(screen.getByText('1 asset', { exact: true })).toBeVisible();
    await screen.getByRole('combobox', { name: /Show/ }).selectOptions('100');
    await expect.element(location()).toHaveTextContent('/assets?size=100');
    await expect.poll(() => api.inputsOf('asset.list').at(-1)).toEqual({ limit: 100, direction: 'forward' });
  });

  it('filters by site, then by a building of that site, and a new site drops the building', async () => {
    const other = { id: uuid(901), name: 'Harbour Depot' };
    const api = createFakeApi({
      asset: {
        list: () => page([asset(1)]),
        count: () => ({ count: 1, capped: false }),
        stats: () => ({ total: 3, byStatus: {}, byCategory: { Pump: 2, HVAC: 1 }, bySite: {} }),
      },
      site: { list: () => page([site(), site(other)]) },
      building: { list: (input) => page(input.siteId === other.id ? [] : [building(1), building(2)]) },
    });
    await renderApp(<AssetsTable filters={<AssetLocationFilters />} />, { at: '/assets', api });
    const siteSelect = screen.getByRole('combobox', { name: 'Site' });
    await expect.element(siteSelect.getByRole('option', { name: SITE.name })).toBeInTheDocument();
    await siteSelect.selectOptions(SITE.name);
    await expect.element(location()).toHaveTextContent(`/assets?site=${SITE.id}`);
    await expect.poll(() => api.inputsOf('building.list').at(-1)).toEqual({ limit: 100, siteId: SITE.id });
    await screen.getByRole('combobox', { name: 'Building' }).selectOptions('Tower 2');
    await expect.element(location()).toHaveTextContent(`/assets?site=${SITE.id}&building=${building(2).id}`);
    await screen.getByRole('combobox', { name: 'Category' }).selectOptions('HVAC');
    await expect
      .poll(() => api.inputsOf('asset.count').at(-1))
      .toEqual({ category: 'HVAC', buildingId: building(2).id, siteId: SITE.id });
    await siteSelect.selectOptions(other.name);
    await expect.element(location()).toHaveTextContent(`/assets?site=${other.id}&category=HVAC`);
    await expect
      .poll(() => api.inputsOf('asset.list').at(-1))
      .toEqual({ category: 'HVAC', siteId: other.id, limit: 25, direction: 'forward' });
  });
});

describe('Overview KPI cards', () => {
  it('link to the assets list, filtered by the statuses that need attention', async () => {
    await renderApp(<OverviewPage />, {
      at: '/',
      api: {
        organization: { current: () => current('OWNER') },
        asset: {
          stats: () => ({
            total: 12,
            byStatus: { OPERATIONAL: 8, MAINTENANCE: 3, OUT_OF_SERVICE: 1 },
            byCategory: {},
            bySite: { [SITE.name]: 12 },
          }),
        },
      },
    });
    await expect
      .element(screen.getByRole('link', { name: 'Assets', exact: true }))
      .toHaveAttribute('href', '/assets');
    await expect
      .element(screen.getByRole('link', { name: '3 in maintenance' }))
      .toHaveAttribute('href', '/assets?status=MAINTENANCE');
    await expect
      .element(screen.getByRole('link', { name: '1 out of service' }))
      .toHaveAttribute('href', '/assets?status=OUT_OF_SERVICE');
    await screen.getByRole('link', { name: '3 in maintenance' }).click();
    await expect.element(location()).toHaveTextContent('/assets?status=MAINTENANCE');
  });
});
