// The toaster's contract with the rest of the app and with the e2e journey: an
// error is an alert, every toast has a "Dismiss" button, and a toast stays 6 s.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page as screen } from 'vitest/browser';

import { toast } from '../lib/toast.tsx';
import { notifications, renderApp } from '../test/render.tsx';

afterEach(() => {
  vi.useRealTimers();
});

describe('toaster', () => {
  it('announces an error as an alert and a confirmation politely, each with a Dismiss button', async () => {
    await renderApp(<p>page</p>);
    toast('Organization saved.');
    toast('The database is not answering.', 'error');

    const error = screen.getByRole('alert').filter({ hasText: 'The database is not answering.' });
    await expect.element(error).toBeVisible();
    await expect.element(notifications().getByText('Organization saved.')).toBeInTheDocument();
    // Only the error interrupts: the confirmation is read by the polite region alone.
    expect(screen.getByRole('alert').all()).toHaveLength(1);
    expect(notifications().getByRole('button', { name: 'Dismiss' }).all()).toHaveLength(2);

    await notifications()
      .getByRole('listitem')
      .filter({ has: error })
      .getByRole('button', { name: 'Dismiss' })
      .click();
    await expect.poll(() => error.query()).toBeNull();
    await expect.element(notifications().getByText('Organization saved.')).toBeInTheDocument();
  });

  it('keeps a toast for 6 s, then takes it away', async () => {
    await renderApp(<p>page</p>);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    toast('Asset deleted.');
    const message = notifications().getByText('Asset deleted.');
    // Sonner adds a toast on the next tick and starts its clock once it is on screen.
    await vi.advanceTimersByTimeAsync(0);
    await expect.poll(() => message.query()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(5_900);
    expect(message.query()).not.toBeNull();
    // At 6 s it starts to leave, and is gone when its exit animation ends.
    await vi.advanceTimersByTimeAsync(500);
    await expect.poll(() => message.query()).toBeNull();
  });
});
