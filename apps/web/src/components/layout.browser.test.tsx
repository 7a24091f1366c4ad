// The shell on a phone: the navigation folds behind a Menu button, which opens it, and a
// followed link or Escape closes it again. Hidden (display: none) also means out of the
// accessibility tree, so a role query finds nothing: not.toBeInTheDocument.
import { afterEach, describe, expect, it } from 'vitest';
import { page as screen, userEvent } from 'vitest/browser';

import { network } from '../lib/network.ts';
import { current } from '../test/fixtures.ts';
import { renderApp } from '../test/render.tsx';
import { Layout } from './layout.tsx';
import { NetworkBanner } from './network-banner.tsx';

const api = { organization: { current: () => current('ADMIN') } };
const nav = () => screen.getByRole('navigation', { name: 'Main' });
const menu = () => screen.getByRole('button', { name: 'Menu' });

afterEach(async () => {
  await screen.viewport(1280, 860);
});

describe('the shell below 768 px', () => {
  it('hides the navigation behind a Menu button that opens and closes it', async () => {
    await screen.viewport(390, 844);
    await renderApp(<Layout />, { api });
    await expect.element(menu()).toBeVisible();
    await expect.element(menu()).toHaveAttribute('aria-expanded', 'false');
    await expect.element(nav()).not.toBeInTheDocument();

    await menu().click();
    await expect.element(menu()).toHaveAttribute('aria-expanded', 'true');
    await expect.element(nav().getByRole('link', { name: 'Assets' })).toBeVisible();
    await nav().getByRole('link', { name: 'Assets' }).click();
    await expect.element(screen.getByLabelText('Location')).toHaveTextContent('/assets');
    await expect.element(nav()).not.toBeInTheDocument();

    await menu().click();
    await expect.element(nav()).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(nav()).not.toBeInTheDocument();
  });

  it('shows the sidebar and no Menu button on a desktop', async () => {
    await renderApp(<Layout />, { api });
    await expect.element(nav().getByRole('link', { name: 'Audit log' })).toBeVisible();
    await expect.element(menu()).not.toBeInTheDocument();
  });
});

describe('the outage banner on a desktop', () => {
  it('leaves the sidebar’s Sign out above it, clickable', async () => {
    await renderApp(
      <>
        <Layout />
        <NetworkBanner probe={() => Promise.resolve()} />
      </>,
      { api },
    );
    const signOut = screen.getByRole('button', { name: 'Sign out' });
    await expect.element(signOut).toBeVisible();
    network.failed();
    await expect.element(screen.getByText("Can't reach Tenantry. Reconnecting…")).toBeVisible();
    // What a click at the middle of Sign out would land on: the button, not the banner over it.
    await expect
      .poll(() => {
        const box = signOut.element().getBoundingClientRect();
        return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)?.closest('button');
      })
      .toBe(signOut.element());
    network.answered(200);
    await expect.element(screen.getByText("Can't reach Tenantry. Reconnecting…")).not.toBeInTheDocument();
    expect(document.documentElement.dataset.networkBanner).toBeUndefined();
  });
});
