// No skeleton waits forever: a failed call shows what could not be loaded, why, and Retry.
import { describe, expect, it } from 'vitest';
import { page as screen } from 'vitest/browser';

import { OverviewPage } from '../routes/overview.tsx';
import { apiError, createFakeApi } from '../test/fake-api.ts';
import { building, current, page } from '../test/fixtures.ts';
import { renderApp } from '../test/render.tsx';
import { AssetFormDialog } from './asset-form.tsx';

const loading = () => screen.getByRole('status', { name: 'Loading' });

describe('error states', () => {
  it('the new-asset dialog says its buildings could not be loaded, offers Retry and Cancel, then the form', async () => {
    const api = createFakeApi({
      building: {
        list: () => {
          throw apiError('INTERNAL_SERVER_ERROR', 'The building list failed.');
        },
      },
    });
    let closed = false;
    await renderApp(
      <AssetFormDialog
        open
        onClose={() => {
          closed = true;
        }}
      />,
      { api },
    );
    const dialog = screen.getByRole('dialog', { name: 'New asset' });
    const failed = dialog.getByRole('alert').filter({ hasText: 'The buildings could not be loaded.' });
    await expect.element(failed).toHaveTextContent('The building list failed.');
    expect(loading().query()).toBeNull();
    await expect.element(dialog.getByRole('button', { name: 'Cancel' })).toBeVisible();

    api.handle({ building: { list: () => page([building(1)]) } });
    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect.element(dialog.getByLabelText('Building')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(closed).toBe(true);
  });

  it('the overview shows dashes and the reason instead of skeletons when its numbers fail', async () => {
    const api = createFakeApi({
      organization: { current: () => current('ADMIN') },
      asset: {
        stats: () => {
          throw apiError('INTERNAL_SERVER_ERROR', 'The counts could not be computed.');
        },
      },
    });
    await renderApp(<OverviewPage />, { api });
    const failed = screen.getByRole('alert').filter({ hasText: 'The overview could not be loaded.' });
    await expect.element(failed).toHaveTextContent('The counts could not be computed.');
    await expect.element(failed.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(screen.getByText('—').all().length).toBeGreaterThanOrEqual(3);
    expect(document.querySelectorAll('.animate-pulse')).toHaveLength(0);
  });
});
