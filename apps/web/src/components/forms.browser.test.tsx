// The forms: the API's own zod schemas check them before anything is sent, and
// a field error the server sends back lands on the field it names.
import { ZCreateAssetInput } from '@tenantry/api/schemas';
import { describe, expect, it, vi } from 'vitest';
import { page as screen } from 'vitest/browser';

import { SignUpPage } from '../routes/sign-up.tsx';
import { apiError, catalogError, createFakeApi, deferred, fieldError } from '../test/fake-api.ts';
import { asset, building, page, site } from '../test/fixtures.ts';
import { notifications, renderApp } from '../test/render.tsx';
import { AssetFormDialog } from './asset-form.tsx';
import { InviteForm } from './invite-form.tsx';
import { SiteFormDialog } from './site-form.tsx';

const field = (label: string) => screen.getByLabelText(label, { exact: true });

/** A field shows `message` as its error: marked invalid, and the message is its description. */
async function expectFieldError(label: string, message: string) {
  await expect.element(field(label)).toHaveAttribute('aria-invalid', 'true');
  await expect.element(field(label)).toHaveAccessibleDescription(message);
}

describe('site form', () => {
  it('checks the name in the browser and sends nothing until it passes', async () => {
    const { api } = await renderApp(<SiteFormDialog open onClose={() => undefined} />, {
      api: {
        site: { create: () => site() },
      },
    });
    const dialog = screen.getByRole('dialog', { name: 'New site' });
    await dialog.getByRole('button', { name: 'Create site' }).click();
    await expectFieldError('Name', 'is required');
    await expect.element(field('Address')).not.toHaveAttribute('aria-invalid');
    expect(api.calls).toEqual([]);

    await field('Address').fill('x'.repeat(301));
    await dialog.getByRole('button', { name: 'Create site' }).click();
    await expectFieldError('Address', 'is at most 300 characters');
    expect(api.calls).toEqual([]);
  });

  it("puts the server's field error under its field, keeps the dialog open, and closes on success", async () => {
    const onClose = vi.fn();
    const api = createFakeApi({
      site: {
        create: () => {
          throw fieldError({ name: 'is already the name of another site' });
        },
      },
    });
    await renderApp(<SiteFormDialog open onClose={onClose} />, { api });
    const dialog = screen.getByRole('dialog', { name: 'New site' });
    await field('Name').fill('Riverside Campus');
    await field('Address').fill('   ');
    await dialog.getByRole('button', { name: 'Create site' }).click();

    await expectFieldError('Name', 'is already the name of another site');
    // The toast does not dump zod's issues; it points at the field.
    await expect
      .element(screen.getByRole('alert').filter({ hasText: 'Check the highlighted fields' }))
      .toHaveTextContent('Check the highlighted fields (name is already the name of another site).');
    // A blank optional field goes out as null, as the API expects.
    expect(api.inputsOf('site.create')).toEqual([{ name: 'Riverside Campus', address: null }]);
    expect(onClose).not.toHaveBeenCalled();

    api.handle({
      site: { create: (input) => site({ address: input.address ?? null }) },
    });
    await dialog.getByRole('button', { name: 'Create site' }).click();
    await expect.element(notifications().getByText('Site created.')).toBeVisible();
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('asset form', () => {
  const buildings = { building: { list: () => page([building(1), building(2)]) } };

  it('waits for the buildings, then checks every field with the API schema', async () => {
    const gate = deferred();
    const { api } = await renderApp(<AssetFormDialog open onClose={() => undefined} />, {
      api: {
        building: {
          list: async () => {
            await gate.promise;
            return page([building(1), building(2)]);
          },
        },
      },
    });
    const dialog = screen.getByRole('dialog', { name: 'New asset' });
    await expect.element(dialog.getByRole('status', { name: 'Loading' })).toBeVisible();
    gate.release();

    await field('Tag').fill('bad tag!');
    await dialog.getByRole('button', { name: 'Create asset' }).click();
    await expectFieldError('Tag', 'may use letters, digits and . _ - / only');
    await expectFieldError('Building', 'Choose a building');
    await expectFieldError('Name', 'is required');
    await expectFieldError('Category', 'is required');
    await expect.element(field('Status')).not.toHaveAttribute('aria-invalid');
    expect(api.inputsOf('asset.create')).toEqual([]);
    expect(api.inputsOf('building.list')).toEqual([{ limit: 100 }]);
  });

  it("lands the server's tag error on Tag, and shows a rule without a field as a toast only", async () => {
    const api = createFakeApi({
      ...buildings,
      asset: {
        create: () => {
          throw catalogError('CONFLICT', 'ASSET_TAG_TAKEN', 'Asset tag HVAC-001 is already in use.', 'tag');
        },
      },
    });
    const onClose = vi.fn();
    await renderApp(<AssetFormDialog open onClose={onClose} buildingId={building(2).id} />, { api });
    const dialog = screen.getByRole('dialog', { name: 'New asset' });
    // The building given by the page is preselected.
    await expect.element(field('Building')).toHaveValue(building(2).id);
    await field('Tag').fill('HVAC-001');
    await field('Name').fill('Rooftop chiller');
    await field('Category').fill('HVAC');
    await field('Status').selectOptions('MAINTENANCE');
    await field('Installed on').fill('2024-05-01');
    await dialog.getByRole('button', { name: 'Create asset' }).click();

    await expectFieldError('Tag', 'Asset tag HVAC-001 is already in use.');
    await expect.element(field('Name')).not.toHaveAttribute('aria-invalid');
    const [sent] = api.inputsOf('asset.create');
    expect(sent).toEqual({
      buildingId: building(2).id,
      tag: 'HVAC-001',
      name: 'Rooftop chiller',
      category: 'HVAC',
      status: 'MAINTENANCE',
      serialNumber: null,
      installedAt: '2024-05-01',
    });
    expect(() => ZCreateAssetInput.parse(sent)).not.toThrow();

    // A CONFLICT has no field: the server's words come as a toast, and no field is marked.
    api.handle({
      asset: {
        create: () => {
          throw apiError('CONFLICT', 'Asset tag HVAC-002 is already in use.');
        },
      },
    });
    await field('Tag').fill('HVAC-002');
    await dialog.getByRole('button', { name: 'Create asset' }).click();
    await expect
      .element(screen.getByRole('alert').filter({ hasText: 'Asset tag HVAC-002 is already in use.' }))
      .toBeVisible();
    await expect.element(field('Tag')).not.toHaveAttribute('aria-invalid');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('edits an existing asset with its values filled in', async () => {
    const existing = asset(5, { serialNumber: 'SN-5', installedAt: new Date('2023-01-02T00:00:00Z') });
    const { api } = await renderApp(<AssetFormDialog open onClose={() => undefined} asset={existing} />, {
      api: { ...buildings, asset: { update: () => existing } },
    });
    const dialog = screen.getByRole('dialog', { name: 'Edit asset' });
    await expect.element(field('Tag')).toHaveValue('PUMP-005');
    await expect.element(field('Installed on')).toHaveValue('2023-01-02');
    await field('Serial number').fill('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => api.inputsOf('asset.update')).toHaveLength(1);
    expect(api.inputsOf('asset.update')[0]).toMatchObject({ id: existing.id, serialNumber: null });
  });
});

describe('sign-up', () => {
  it('shows the schema messages before sending, then the server field error on its field', async () => {
    const api = createFakeApi({
      organization: {
        register: () => {
          throw fieldError({ email: 'is already registered' });
        },
      },
    });
    await renderApp(<SignUpPage />, { at: '/sign-up', api });
    const submit = screen.getByRole('button', { name: 'Create organization' });
    await submit.click();
    await expectFieldError('Organization name', 'is required');
    await expectFieldError('Your name', 'is required');
    await expectFieldError('Work email', 'must be an email address');
    await expectFieldError('Password', 'must be at least 8 characters');

    await field('Organization name').fill('Acme Facilities');
    await field('Your name').fill('Olivia Owner');
    await field('Work email').fill('not-an-email');
    await field('Password').fill('short');
    await submit.click();
    await expectFieldError('Work email', 'must be an email address');
    await expect.element(field('Your name')).not.toHaveAttribute('aria-invalid');
    expect(api.calls).toEqual([]);

    await field('Work email').fill('  Owner@Acme.test ');
    await field('Password').fill('correct-horse-battery');
    await submit.click();
    await expectFieldError('Work email', 'is already registered');
    await expect.element(field('Password')).not.toHaveAttribute('aria-invalid');
    // The schema's own transforms ran before sending.
    expect(api.inputsOf('organization.register')).toEqual([
      {
        organizationName: 'Acme Facilities',
        name: 'Olivia Owner',
        email: 'owner@acme.test',
        password: 'correct-horse-battery',
      },
    ]);
  });
});

const SEATS_FREE = { total: 5, members: 3, pending: 1 };

describe('invite form', () => {
  it('says how the seats are taken, and refuses to invite when every seat is', async () => {
    await renderApp(
      <InviteForm
        canInviteAdmins
        seats={{ total: 5, members: 3, pending: 2 }}
        created={null}
        onCreated={vi.fn()}
      />,
    );
    await expect
      .element(screen.getByText(/5 of 5 seats taken: 3 members, 2 pending invitations\./))
      .toBeVisible();
    await expect.element(screen.getByText(/Every seat is taken, so nobody can be invited/)).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Create invitation' })).toBeDisabled();
    await expect
      .element(screen.getByRole('link', { name: 'Organization settings' }))
      .toHaveAttribute('href', '/settings');
  });

  it('shows an error that no field owns above the fields, not in a toast', async () => {
    const message = 'All 5 seats are taken: 4 by members, 1 by pending invitations.';
    const api = createFakeApi({
      invitation: {
        create: () => {
          throw catalogError('CONFLICT', 'SEATS_EXHAUSTED', message);
        },
      },
    });
    await renderApp(<InviteForm canInviteAdmins seats={SEATS_FREE} created={null} onCreated={vi.fn()} />, {
      api,
    });
    await expect
      .element(screen.getByText('4 of 5 seats taken: 3 members, 1 pending invitation.'))
      .toBeVisible();
    await field('Email').fill('mia@acme.test');
    await screen.getByRole('button', { name: 'Create invitation' }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent(message);
    expect(notifications().getByRole('listitem').all()).toHaveLength(0);
  });

  it('offers Admin only to those who may invite admins, and shows a server email error', async () => {
    const api = createFakeApi({
      invitation: {
        create: () => {
          throw fieldError({ email: 'already belongs to a member' });
        },
      },
    });
    const onCreated = vi.fn();
    await renderApp(
      <InviteForm canInviteAdmins={false} seats={SEATS_FREE} created={null} onCreated={onCreated} />,
      { api },
    );
    await expect.element(field('Role').getByRole('option')).toHaveTextContent('Member');
    expect(field('Role').getByRole('option').elements()).toHaveLength(1);

    await field('Email').fill('mia@acme.test');
    await screen.getByRole('button', { name: 'Create invitation' }).click();
    await expectFieldError('Email', 'already belongs to a member');
    expect(api.inputsOf('invitation.create')).toEqual([{ email: 'mia@acme.test', role: 'MEMBER' }]);
  });
});
