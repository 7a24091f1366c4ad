// Role-aware rendering: what each role is offered. The server refuses the rest
// anyway (packages/api roles.test.ts); here we check the UI does not offer it.
import { describe, expect, it } from 'vitest';
import { page as screen } from 'vitest/browser';

import { Layout } from '../components/layout.tsx';
import { RequireAdmin } from '../components/require-admin.tsx';
import { AssetPage } from '../routes/asset.tsx';
import { MembersPage } from '../routes/members.tsx';
import { SettingsPage } from '../routes/settings.tsx';
import { deferred } from '../test/fake-api.ts';
import type { Handlers } from '../test/fake-api.ts';
import { asset, current, page, PEOPLE } from '../test/fixtures.ts';
import type { Role } from '../test/fixtures.ts';
import { renderApp } from '../test/render.tsx';

const as = (role: Role): Handlers => ({ organization: { current: () => current(role) } });

const nav = () => screen.getByRole('navigation', { name: 'Main' });
const navLinks = () =>
  nav()
    .getByRole('link')
    .elements()
    .map((a) => a.textContent);

describe('the shell', () => {
  it('shows a member the shared pages only, and who they are', async () => {
    await renderApp(<Layout />, { api: as('MEMBER') });
    await expect.element(screen.getByText('mia@acme.test · member')).toBeVisible();
    expect(navLinks()).toEqual(['Overview', 'Sites', 'Buildings', 'Assets', 'Members', 'Organization']);
  });

  it.each(['ADMIN', 'OWNER'] as const)('adds the admin pages for an %s', async (role) => {
    await renderApp(<Layout />, { api: as(role) });
    await expect.element(nav().getByRole('link', { name: 'Audit log' })).toBeVisible();
    expect(navLinks().slice(-2)).toEqual(['Audit log', 'API keys']);
  });
});

describe('RequireAdmin', () => {
  it('tells a member the page is for admins, without calling the API for it', async () => {
    const { api } = await renderApp(
      <RequireAdmin>
        <p>Audit events</p>
      </RequireAdmin>,
      { api: as('MEMBER') },
    );
    await expect.element(screen.getByText('Only admins and owners can see this page.')).toBeVisible();
    expect(screen.getByText('Audit events').query()).toBeNull();
    expect(api.calls.map((c) => c.path)).toEqual(['organization.current']);
  });

  it('shows the page to an admin', async () => {
    await renderApp(
      <RequireAdmin>
        <p>Audit events</p>
      </RequireAdmin>,
      { api: as('ADMIN') },
    );
    await expect.element(screen.getByText('Audit events')).toBeVisible();
  });
});

describe('record actions', () => {
  const onAsset = (role: Role, who = current(role)): Handlers => ({
    organization: { current: () => who },
    asset: { byId: () => asset(5) },
  });
  const at = { at: `/assets/${asset(5).id}`, route: '/assets/:assetId' };

  it('let a member edit but not delete', async () => {
    await renderApp(<AssetPage />, { ...at, api: onAsset('MEMBER') });
    await expect.element(screen.getByRole('heading', { name: 'Pump 005' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Edit' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Delete' }).query()).toBeNull();
  });

  it('let an admin delete, after a confirmation that names the record', async () => {
    await renderApp(<AssetPage />, { ...at, api: onAsset('ADMIN') });
    await screen.getByRole('button', { name: 'Delete' }).click();
    const dialog = screen.getByRole('dialog', { name: 'Delete this asset?' });
    await expect.element(dialog).toHaveTextContent('PUMP-005 · Pump 005 will be deleted.');
    await expect.element(dialog.getByRole('button', { name: 'Delete asset' })).toBeVisible();
  });

  it('offer no Delete while the role is still unknown', async () => {
    const role = deferred();
    await renderApp(<AssetPage />, {
      ...at,
      api: {
        asset: { byId: () => asset(5) },
        organization: {
          current: async () => {
            await role.promise;
            return current('OWNER');
          },
        },
      },
    });
    await expect.element(screen.getByRole('button', { name: 'Edit' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Delete' }).query()).toBeNull();
    role.release();
    await expect.element(screen.getByRole('button', { name: 'Delete' })).toBeVisible();
  });
});

describe('members page', () => {
  const people = [PEOPLE.OWNER, PEOPLE.ADMIN, PEOPLE.MEMBER];
  const handlers = (role: Role): Handlers => ({
    organization: { current: () => current(role), members: () => page(people) },
    invitation: { list: () => page([]) },
  });
  const rowOf = (name: string) => screen.getByRole('row').filter({ hasText: name });
  const buttonsIn = (name: string) =>
    rowOf(name)
      .getByRole('button')
      .elements()
      .map((b) => b.textContent);

  it('gives the owner every control over others, and none over themself', async () => {
    await renderApp(<MembersPage />, { api: handlers('OWNER') });
    await expect.element(screen.getByRole('heading', { name: 'Invite someone' })).toBeVisible();
    await expect.element(screen.getByText('No pending invitations.')).toBeVisible();
    await expect.element(rowOf('Mia Member')).toBeVisible();
    expect(buttonsIn('Mia Member')).toEqual(['Deactivate', 'Make owner']);
    expect(buttonsIn('Adam Admin')).toEqual(['Deactivate', 'Make owner']);
    expect(buttonsIn('Olivia Owner')).toEqual([]);
    await expect.element(rowOf('Olivia Owner')).toHaveTextContent('(you)');
    await expect.element(screen.getByLabelText('Role of Mia Member')).toHaveValue('MEMBER');
    expect(screen.getByLabelText('Role of Olivia Owner').query()).toBeNull();
    // An admin may invite admins.
    expect(
      screen
        .getByLabelText('Role', { exact: true })
        .getByRole('option')
        .elements()
        .map((o) => o.textContent),
    ).toEqual(['Member', 'Admin']);
  });

  it('lets an admin manage members but not the owner, and not hand over ownership', async () => {
    await renderApp(<MembersPage />, { api: handlers('ADMIN') });
    await expect.element(rowOf('Mia Member')).toBeVisible();
    expect(buttonsIn('Mia Member')).toEqual(['Deactivate']);
    expect(buttonsIn('Olivia Owner')).toEqual([]);
    expect(buttonsIn('Adam Admin')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Make owner' }).query()).toBeNull();
    expect(screen.getByLabelText('Role of Olivia Owner').query()).toBeNull();
    await expect.element(screen.getByLabelText('Role of Mia Member')).toBeEnabled();
  });

  it('shows a member the list only: no invitations, no controls', async () => {
    const { api } = await renderApp(<MembersPage />, { api: handlers('MEMBER') });
    await expect.element(rowOf('Olivia Owner')).toBeVisible();
    expect(
      screen
        .getByRole('button')
        .elements()
        .map((b) => b.textContent),
    ).toEqual([]);
    expect(screen.getByRole('combobox').query()).toBeNull();
    expect(screen.getByRole('heading', { name: 'Invite someone' }).query()).toBeNull();
    expect(screen.getByRole('heading', { name: 'Pending invitations' }).query()).toBeNull();
    // Nor does it ask for invitations, which the server would refuse a member.
    expect(api.inputsOf('invitation.list')).toEqual([]);
  });
});

describe('organization settings', () => {
  it('are read-only for a member', async () => {
    await renderApp(<SettingsPage />, { api: as('MEMBER') });
    await expect.element(screen.getByText('Only admins can change these settings.')).toBeVisible();
    await expect.element(screen.getByText('3 of 25')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Save changes' }).query()).toBeNull();
  });

  it('are editable by an admin, with the schema checking the seats', async () => {
    const { api } = await renderApp(<SettingsPage />, { api: as('ADMIN') });
    await screen.getByLabelText('Seats').fill('0');
    await screen.getByRole('button', { name: 'Save changes' }).click();
    await expect.element(screen.getByLabelText('Seats')).toHaveAttribute('aria-invalid', 'true');
    expect(api.inputsOf('organization.update')).toEqual([]);
  });
});
