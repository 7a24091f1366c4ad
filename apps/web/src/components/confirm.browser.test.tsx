// A delete that cannot happen says why and offers none; one that fails says so in its dialog,
// which covers everything else on the page (a toast there would be hidden behind it).
import { describe, expect, it } from 'vitest';
import { page as screen } from 'vitest/browser';

import { SitePage } from '../routes/site.tsx';
import { catalogError, createFakeApi } from '../test/fake-api.ts';
import { current, page, site } from '../test/fixtures.ts';
import { notifications, renderApp } from '../test/render.tsx';

const renderSite = (buildings: number, remove: () => { id: string }) => {
  const record = site({ _count: { buildings } });
  const api = createFakeApi({
    organization: { current: () => current('OWNER') },
    site: { byId: () => record, delete: remove },
    building: { list: () => page([]) },
  });
  return renderApp(<SitePage />, { at: `/sites/${record.id}`, route: '/sites/:siteId', api }).then(() => ({
    api,
    record,
  }));
};

describe('confirming a delete', () => {
  it('a site that still has buildings: the dialog says so and offers only Close', async () => {
    const { api, record } = await renderSite(2, () => ({ id: 'never' }));
    await screen.getByRole('button', { name: 'Delete' }).click();
    const dialog = screen.getByRole('dialog', { name: 'Delete this site?' });
    await expect
      .element(dialog)
      .toHaveTextContent(
        `${record.name} still has 2 buildings. Delete them first; then the site can be deleted.`,
      );
    expect(dialog.getByRole('button', { name: 'Delete site' }).query()).toBeNull();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.element(dialog).not.toBeInTheDocument();
    expect(api.inputsOf('site.delete')).toEqual([]);
  });

  it('a delete refused meanwhile: the reason shows in the dialog, not in a toast behind it', async () => {
    const message = "Delete this site's buildings first.";
    const { api, record } = await renderSite(0, () => {
      throw catalogError('CONFLICT', 'SITE_HAS_BUILDINGS', message);
    });
    await screen.getByRole('button', { name: 'Delete' }).click();
    const dialog = screen.getByRole('dialog', { name: 'Delete this site?' });
    await dialog.getByRole('button', { name: 'Delete site' }).click();
    await expect.element(dialog.getByRole('alert')).toHaveTextContent(message);
    expect(notifications().getByRole('listitem').all()).toHaveLength(0);
    expect(api.inputsOf('site.delete')).toEqual([{ id: record.id }]);
  });
});
