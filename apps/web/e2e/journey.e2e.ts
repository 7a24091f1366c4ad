// The journey, in one browser session with four people: an owner of
// org A, a member A invites, the owner of org B, and pagination over 150 assets.
import { fileURLToPath } from 'node:url';

import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { seriousViolations } from './axe.ts';
import { apiAs, SCREENSHOTS, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';

let h: Harness;
let started = false;

beforeAll(async () => {
  h = await startHarness();
  started = true;
});

// A failing step leaves a picture of every open page behind.
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [i, page] of h.pages().entries()) {
    await page
      .screenshot({ path: `${SCREENSHOTS}failed-${ctx.task.name.slice(0, 2)}-${i}.png` })
      .catch(() => undefined);
  }
});

afterAll(async () => {
  if (started) await h.close();
});

/** The README's pictures, refreshed on request only (UPDATE_DOCS_SCREENSHOT=1), so test runs leave git clean. */
const docsScreenshot = (name: string) =>
  fileURLToPath(new URL(`../../../docs/screenshots/${name}.png`, import.meta.url));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });

/**
 * Waits for the sign of the page a step expects. If it never comes, the error
 * says where the browser is instead, rather than only which locator timed out.
 */
async function arrive(page: Page, expected: string, sign: Locator) {
  try {
    await sign.waitFor();
  } catch (error) {
    const headings = await page
      .locator('h1')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(
      `Expected ${expected}, but the browser is at ${page.url()} showing h1 ${JSON.stringify(headings)}`,
      { cause: error },
    );
  }
}

/** The signed-in page titled `title`: its own h1, since the previous page's h1 stays until it renders. */
const onPage = (page: Page, title: string) =>
  arrive(page, `the ${title} page`, page.getByRole('heading', { level: 1, name: title, exact: true }));

/** The sign-in page, with the notice saying why an earlier session ended (its opening words), or none. */
async function onSignIn(page: Page, { ended }: { ended: string | null }) {
  await arrive(
    page,
    'the sign-in page',
    page.getByRole('heading', { level: 1, name: 'Sign in', exact: true }),
  );
  // The notice renders with the heading (it reads the URL), so counting it now is not a race.
  const notice = page.getByRole('status').filter({ hasText: /^Your / });
  if (ended) {
    await arrive(page, `the "${ended}" notice on sign-in`, notice);
    expect(await notice.textContent()).toContain(ended);
  } else expect(await notice.count()).toBe(0);
}

async function signUp(page: Page, org: string, name: string, email: string) {
  await page.goto('/sign-up');
  await page.getByLabel('Organization name').fill(org);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await onPage(page, 'Overview');
}

/** Clicks a link in the sidebar (breadcrumbs have links of the same name). */
async function clickNav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

/** Follows a sidebar link to a page a signed-in user can see, and waits for that page. */
async function nav(page: Page, name: string) {
  await clickNav(page, name);
  await onPage(page, name);
}

/** The text of every row in a table, header excluded. */
async function rowTexts(page: Page, table: string): Promise<string[]> {
  return page.getByRole('table', { name: table }).locator('tbody tr').allInnerTexts();
}

/** How far the page itself scrolls sideways (0: it fits the viewport's width). */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() =>
    Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth),
  );

describe('dashboard journey', () => {
  let assetUrl = '';
  let ownerPage: Page;
  let memberPage: Page;

  it('1. registers org A and creates a site, a building and an asset', async () => {
    const { page } = await h.newPage();
    ownerPage = page;
    await page.goto('/sign-up');
    // Inline validation comes from the API's own zod schema.
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect.poll(() => page.getByText('is required').count()).toBeGreaterThan(0);
    await page.getByLabel('Work email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByText('must be an email address').waitFor();
    await page.getByText('must be at least 8 characters').waitFor();
    await shot(page, '01-sign-up-validation');

    await signUp(page, 'Acme Facilities', 'Olivia Owner', 'owner@acme.test');
    await shot(page, '02-overview-empty');

    await nav(page, 'Sites');
    await page.getByText('No sites yet.').waitFor();
    await page.getByRole('button', { name: 'New site' }).click();
    const siteDialog = page.getByRole('dialog', { name: 'New site' });
    await siteDialog.getByRole('button', { name: 'Create site' }).click();
    await siteDialog.getByText('is required').waitFor();
    await siteDialog.getByLabel('Name').fill('Riverside Campus');
    await siteDialog.getByLabel('Address').fill('1 River Road');
    await shot(page, '03-site-dialog');
    await siteDialog.getByRole('button', { name: 'Create site' }).click();
    await page.getByRole('link', { name: 'Riverside Campus' }).click();
    await page.getByRole('heading', { name: 'Riverside Campus' }).waitFor();

    await page.getByRole('button', { name: 'Add building' }).click();
    const buildingDialog = page.getByRole('dialog', { name: 'New building' });
    await buildingDialog.getByLabel('Name').fill('North Tower');
    await buildingDialog.getByLabel('Floors').fill('12');
    await buildingDialog.getByRole('button', { name: 'Create building' }).click();
    await page.getByRole('link', { name: 'North Tower' }).click();
    await page.getByRole('heading', { name: 'North Tower' }).waitFor();

    await page.getByRole('button', { name: 'Add asset' }).click();
    const assetDialog = page.getByRole('dialog', { name: 'New asset' });
    await assetDialog.getByLabel('Tag').fill('bad tag!');
    await assetDialog.getByRole('button', { name: 'Create asset' }).click();
    await assetDialog.getByText('may use letters, digits and . _ - / only').waitFor();
    await assetDialog.getByLabel('Tag').fill('HVAC-001');
    await assetDialog.getByLabel('Name').fill('Rooftop chiller');
    await assetDialog.getByLabel('Category').fill('HVAC');
    await assetDialog.getByLabel('Status').selectOption('MAINTENANCE');
    await shot(page, '04-asset-dialog');
    await assetDialog.getByRole('button', { name: 'Create asset' }).click();
    await page.getByRole('link', { name: 'Rooftop chiller' }).click();
    await page.getByRole('heading', { name: 'Rooftop chiller' }).waitFor();
    const crumbs = await page.getByRole('navigation', { name: 'Breadcrumb' }).innerText();
    expect(crumbs.replace(/\s+/g, ' ')).toContain('Sites › Riverside Campus › North Tower › HVAC-001');
    assetUrl = new URL(page.url()).pathname;
    await shot(page, '05-asset');

    // A deep link survives a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Rooftop chiller' }).waitFor();
  });

  it('2. invites a member, who accepts in a second context and sees the asset', async () => {
    const page = ownerPage;
    await nav(page, 'Members');
    await page.getByLabel('Email').fill('mia@acme.test');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const linkField = page.getByLabel(/Invitation link/);
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/invite\//);
    await page.getByRole('table', { name: 'Pending invitations' }).getByText('mia@acme.test').waitFor();
    await shot(page, '06-members-invited');

    const member = await h.newPage();
    memberPage = member.page;
    await memberPage.goto(link);
    // The link is checked before the form: it names the organization and who invited.
    await memberPage.getByRole('heading', { name: 'Join Acme Facilities' }).waitFor();
    await memberPage.getByText('Olivia Owner invited you as member.').waitFor();
    expect(await memberPage.getByLabel('Email').inputValue()).toBe('mia@acme.test');
    await memberPage.getByLabel('Your name').fill('Mia Member');
    await memberPage.getByLabel('Choose a password').fill('member-password-1');
    await shot(memberPage, '07-accept-invitation');
    await memberPage.getByRole('button', { name: 'Accept invitation' }).click();
    await onPage(memberPage, 'Overview');
    // Used once, the same link says so instead of showing the form again.
    const reused = await h.newPage();
    await reused.page.goto(link);
    await reused.page.getByRole('heading', { name: 'This invitation can’t be used' }).waitFor();
    await reused.page.getByText('This invitation has already been used.').waitFor();
    expect(await reused.page.getByLabel('Choose a password').count()).toBe(0);

    await memberPage.goto(assetUrl);
    await memberPage.getByRole('heading', { name: 'Rooftop chiller' }).waitFor();
    // A member can edit but not delete, and has no admin pages.
    expect(await memberPage.getByRole('button', { name: 'Edit' }).count()).toBe(1);
    expect(await memberPage.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await memberPage.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await shot(memberPage, '08-member-asset');

    // The pending invitation is gone once accepted.
    await page.reload();
    await page.getByText('No pending invitations.').waitFor();
  });

  it('3. org B sees none of A, and a deep link to A’s asset is not found', async () => {
    const { page } = await h.newPage();
    await signUp(page, 'Bolt Property', 'Ben Bolt', 'ben@bolt.test');
    await nav(page, 'Assets');
    await page.getByText('No assets yet.').waitFor();
    await nav(page, 'Sites');
    await page.getByText('No sites yet.').waitFor();
    await page.goto(assetUrl);
    await page.getByRole('heading', { name: 'Asset not found' }).waitFor();
    expect(await page.getByText('Rooftop chiller').count()).toBe(0);
    await shot(page, '09-other-tenant-not-found');
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await shot(page, '10-404');
  });

  it('4. the owner deactivates the member, whose next navigation lands on sign-in', async () => {
    const page = ownerPage;
    await page.goto('/members');
    const row = page.getByRole('row', { name: /mia@acme\.test/ });
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await page
      .getByRole('dialog', { name: 'Deactivate Mia Member?' })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await row.getByText('Deactivated').waitFor();
    await shot(page, '11-members-deactivated');

    // The Sites page may flash from the cache before the refused calls send the browser
    // to sign-in, or may never render: wait for sign-in, not for the Sites heading.
    await clickNav(memberPage, 'Sites');
    await onSignIn(memberPage, { ended: 'Your account was deactivated, so you were signed out.' });
    expect(new URL(memberPage.url()).searchParams.get('next')).toBe('/sites');
    await shot(memberPage, '12-session-ended');
  });

  it('5. finds the right rows among 150 assets with load more and search', async () => {
    const page = ownerPage;
    const api = await apiAs(page.context(), h.baseURL);
    const { items } = await api.building.list.query({ limit: 1 });
    const buildingId = items[0]?.id ?? '';
    const statuses = ['OPERATIONAL', 'MAINTENANCE', 'OUT_OF_SERVICE', 'RETIRED'] as const;
    const categories = ['Pump', 'Boiler', 'Lift', 'Lighting', 'Fire safety'];
    for (let i = 0; i < 150; i++) {
      const n = String(i).padStart(3, '0');
      await api.asset.create.mutate({
        buildingId,
        tag: `BULK-${n}`,
        name: `Bulk asset ${n}`,
        category: categories[i % categories.length] ?? 'Pump',
        status: statuses[i % statuses.length] ?? 'OPERATIONAL',
      });
    }

    await page.goto('/assets');
    await page.getByRole('table', { name: 'Assets' }).waitFor();
    expect(await rowTexts(page, 'Assets')).toHaveLength(25);
    // Newest first: the last one created heads the list.
    expect((await rowTexts(page, 'Assets'))[0]).toContain('BULK-149');
    for (let loaded = 25; loaded < 151; loaded += 25) {
      await page.getByRole('button', { name: 'Load more' }).click();
      await expect.poll(async () => (await rowTexts(page, 'Assets')).length).toBe(Math.min(loaded + 25, 151));
    }
    await page.getByText('151 of 151 shown · end of list').waitFor();
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    const all = await rowTexts(page, 'Assets');
    expect(all.at(-1)).toContain('HVAC-001');
    expect(new Set(all).size).toBe(151);

    await page.getByLabel('Search assets by name, tag or serial').fill('bulk-04');
    await expect.poll(async () => (await rowTexts(page, 'Assets')).length).toBe(10);
    const found = await rowTexts(page, 'Assets');
    expect(found.every((r) => /BULK-04\d/.test(r))).toBe(true);
    expect(page.url()).toContain('q=bulk-04');
    await shot(page, '13-assets-search');

    await page.getByLabel('Status').selectOption('RETIRED');
    // BULK-040…049 with i % 4 === 3: 043 and 047.
    await expect.poll(async () => (await rowTexts(page, 'Assets')).length).toBe(2);

    await page.getByLabel('Search assets by name, tag or serial').fill('nothing-like-this');
    await page.getByText('No assets match these filters.').waitFor();

    // Edit and delete, each through its dialog.
    await page.goto('/assets?q=BULK-000');
    await page.getByRole('link', { name: 'Bulk asset 000' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit asset' });
    // A server-side rule (tags are unique) comes back in the server's words, on the field it names
    // (the toast that repeats it sits outside the modal dialog).
    await edit.getByLabel('Tag').fill('BULK-001');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByRole('alert').filter({ hasText: 'Asset tag BULK-001 is already in use.' }).waitFor();
    expect(await edit.getByLabel('Tag').getAttribute('aria-invalid')).toBe('true');
    await edit.getByLabel('Tag').fill('BULK-000');
    await edit.getByLabel('Name').fill('Renamed pump');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Renamed pump' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this asset?' })
      .getByRole('button', { name: 'Delete asset' })
      .click();
    await page.getByRole('heading', { name: 'North Tower' }).waitFor();
    await page.getByText('Asset deleted.').waitFor();
    expect(await page.getByRole('link', { name: 'Renamed pump' }).count()).toBe(0);
    // Back to the deleted asset: "not found", never the old record with Edit and Delete.
    await page.goBack();
    await page.getByRole('heading', { name: 'Asset not found' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await page.getByText('Renamed pump').count()).toBe(0);

    await nav(page, 'Overview');
    await page.getByRole('heading', { name: 'Assets by category' }).waitFor();
    await page.locator('[data-bar]').first().waitFor();
    // Toasts from the steps above would cover the charts in the picture. They also go away
    // by themselves after 6 s, so "count, then click the first" could wait for one that has
    // just gone: dismiss them all in one step inside the page.
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    await dismiss.evaluateAll((buttons) => {
      for (const button of buttons) (button as HTMLButtonElement).click();
    });
    await expect.poll(() => dismiss.count()).toBe(0);
    await shot(page, '14-overview');
    if (process.env.UPDATE_DOCS_SCREENSHOT)
      await page.screenshot({ path: docsScreenshot('overview-desktop') });
  });

  it('5b. the assets list counts, sorts and filters in the URL, and the KPI cards link to it', async () => {
    const page = ownerPage;
    const total = page.getByText(/^\d[\d,]*\+? assets?$/);
    await page.goto('/assets');
    // 150: HVAC-001 and BULK-001…149 (BULK-000 was deleted above).
    await expect.poll(() => total.innerText()).toBe('150 assets');
    await page.getByText('25 of 150 shown').waitFor();

    const tag = page.getByRole('columnheader', { name: 'Tag' });
    await tag.getByRole('button', { name: 'Tag' }).click();
    await expect.poll(() => tag.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(async () => (await rowTexts(page, 'Assets'))[0]).toContain('BULK-001');
    await page.getByRole('combobox', { name: /Show/ }).selectOption('100');
    await expect.poll(async () => (await rowTexts(page, 'Assets')).length).toBe(100);

    // Retired pumps: BULK-i with i % 4 === 3 and i % 5 === 0, i.e. 15, 35 … 135.
    await page.getByLabel('Status').selectOption('RETIRED');
    await page.getByLabel('Category').selectOption('Pump');
    await page.getByLabel('Site').selectOption('Riverside Campus');
    await page.getByLabel('Building').selectOption('North Tower');
    await expect.poll(() => total.innerText()).toBe('7 assets');
    const retiredPumps = ['015', '035', '055', '075', '095', '115', '135'].map((n) => `BULK-${n}`);
    await expect
      .poll(async () => (await rowTexts(page, 'Assets')).map((r) => /BULK-\d+/.exec(r)?.[0]))
      .toEqual(retiredPumps);
    const url = page.url();
    for (const param of [
      'sort=tag',
      'order=asc',
      'size=100',
      'status=RETIRED',
      'category=Pump',
      'site=',
      'building=',
    ]) {
      expect(url).toContain(param);
    }

    // A reload, and Back from an asset, come back to the same list.
    await page.reload();
    await expect.poll(() => total.innerText()).toBe('7 assets');
    expect(await page.getByLabel('Status').inputValue()).toBe('RETIRED');
    expect(await page.getByRole('columnheader', { name: 'Tag' }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('link', { name: 'Bulk asset 035' }).click();
    await page.getByRole('heading', { name: 'Bulk asset 035' }).waitFor();
    await page.goBack();
    await expect.poll(() => total.innerText()).toBe('7 assets');
    expect(page.url()).toBe(url);
    await shot(page, '15-assets-sorted-filtered');

    // A KPI card's status opens the list filtered by it, with its count.
    await nav(page, 'Overview');
    const maintenance = page.getByRole('link', { name: /in maintenance$/ });
    const count = Number.parseInt(await maintenance.innerText(), 10);
    expect(count).toBeGreaterThan(0);
    await maintenance.click();
    await onPage(page, 'Assets');
    expect(new URL(page.url()).search).toBe('?status=MAINTENANCE');
    await expect.poll(() => total.innerText()).toBe(`${count} assets`);
    expect(await page.getByLabel('Status').inputValue()).toBe('MAINTENANCE');
  });

  it('6. the admin pages render, an API key secret is shown once, and sign-out/sign-in work', async () => {
    const page = ownerPage;
    await nav(page, 'Organization');
    await page.getByRole('heading', { name: 'Edit organization' }).waitFor();
    await page.getByLabel('Seats').fill('0');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByText(/Too small|at least|>=/i)
      .first()
      .waitFor();
    await page.getByLabel('Seats').fill('25');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Organization saved.').waitFor();
    await page.getByText('2 of 25').or(page.getByText('1 of 25')).waitFor();
    await shot(page, '15-settings');

    await nav(page, 'API keys');
    await page.getByLabel('Name').fill('CI importer');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByLabel(/Secret/).inputValue();
    expect(secret).toMatch(/^tk_/);
    await page.getByRole('table', { name: 'API keys' }).getByText('CI importer').waitFor();
    await shot(page, '16-api-keys');
    await page.reload();
    // Wait for the reloaded list first: before it renders, "no secret field" proves nothing.
    await page.getByRole('table', { name: 'API keys' }).getByText('CI importer').waitFor();
    expect(await page.getByLabel(/Secret/).count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await page.getByRole('table', { name: 'API keys' }).getByText('Revoked').waitFor();

    await nav(page, 'Audit log');
    await page.getByRole('table', { name: 'Audit events' }).waitFor();
    await page.getByLabel('Target type').selectOption('user');
    await expect
      .poll(async () =>
        (await rowTexts(page, 'Audit events')).every((r) => r.includes('member.') || r.includes('user')),
      )
      .toBe(true);
    await shot(page, '17-audit');

    await nav(page, 'Buildings');
    await page.getByRole('table', { name: 'Buildings' }).waitFor();
    await shot(page, '18-buildings');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await onSignIn(page, { ended: null });
    await page.getByLabel('Email').fill('owner@acme.test');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /invalid/i })
      .waitFor();
    await shot(page, '19-sign-in-error');
    await page.getByLabel('Password').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await onPage(page, 'Overview');
  });

  it('7. the owner reactivates, promotes and hands ownership over, and revokes an invitation', async () => {
    const page = ownerPage;
    await nav(page, 'Members');
    const row = page.getByRole('row', { name: /mia@acme\.test/ });
    await row.getByRole('button', { name: 'Reactivate' }).click();
    await page
      .getByRole('dialog', { name: 'Reactivate Mia Member?' })
      .getByRole('button', { name: 'Reactivate' })
      .click();
    await row.getByText('Active').waitFor();
    // Mia signs in again, and is promoted while she works: her next step tells her why she must sign in.
    await memberPage.getByLabel('Email').fill('mia@acme.test');
    await memberPage.getByLabel('Password').fill('member-password-1');
    await memberPage.getByRole('button', { name: 'Sign in' }).click();
    await onPage(memberPage, 'Sites');
    await row.getByLabel('Role of Mia Member').selectOption('ADMIN');
    await page.getByText('Role changed.').waitFor();
    await clickNav(memberPage, 'Assets');
    await onSignIn(memberPage, { ended: 'Your role in the organization changed, so you were signed out.' });
    await shot(memberPage, '21-session-ended-role-changed');

    await page.getByLabel('Email').fill('temp@acme.test');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const pending = page.getByRole('table', { name: 'Pending invitations' });
    await pending.getByText('temp@acme.test').waitFor();
    await pending.getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke this invitation?' })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await page.getByText('No pending invitations.').waitFor();

    await row.getByRole('button', { name: 'Make owner' }).click();
    await page
      .getByRole('dialog', { name: 'Transfer ownership to Mia Member?' })
      .getByRole('button', { name: 'Transfer ownership' })
      .click();
    await page.getByText('Ownership transferred.').waitFor();
    await row.getByText('Owner').waitFor();
    // The old owner is an admin now: no ownership controls, admin pages still there.
    await expect.poll(() => page.getByRole('button', { name: 'Make owner' }).count()).toBe(0);
    await page.getByText('owner@acme.test · admin').waitFor();
    await shot(page, '20-members-after-transfer');

    expect(h.cspViolations).toEqual([]);
  });

  it('8. at 390 px every page fits the width, the menu opens the navigation, wide tables scroll in their own region', async () => {
    const { context, page } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await context.addCookies(await ownerPage.context().cookies());
    await page.goto('/');
    await onPage(page, 'Overview');
    const menu = page.getByRole('button', { name: 'Menu' });
    const mainNav = page.getByRole('navigation', { name: 'Main' });
    expect(await mainNav.isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => mainNav.isVisible()).toBe(false);

    const pages = [
      'Overview',
      'Sites',
      'Buildings',
      'Assets',
      'Members',
      'Organization',
      'Audit log',
      'API keys',
    ];
    for (const name of pages) {
      await menu.click();
      await mainNav.getByRole('link', { name, exact: true }).click();
      await onPage(page, name);
      expect(await page.title()).toBe(`${name} · Tenantry`);
      // Following a link closes the menu.
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await page.waitForLoadState('networkidle');
      expect(await sidewaysScroll(page), `${name} scrolls sideways`).toBe(0);
      await shot(page, `21-mobile-${name.toLowerCase().replace(' ', '-')}`);
    }

    await menu.click();
    await mainNav.getByRole('link', { name: 'Overview', exact: true }).click();
    await page.getByRole('heading', { name: 'Assets by category' }).waitFor();
    await page.locator('[data-bar]').first().waitFor();
    if (process.env.UPDATE_DOCS_SCREENSHOT)
      await page.screenshot({ path: docsScreenshot('overview-mobile') });
    // Each KPI's label is whole, not cut ("NEEDIN ATTENT").
    for (const label of await page.locator('dt').all()) {
      const cut = await label.evaluate((el) => el.scrollWidth > el.clientWidth);
      expect(cut, await label.innerText()).toBe(false);
    }

    // The asset list is wider than a phone: it scrolls inside its region, which the keyboard reaches.
    await page.goto('/assets');
    const region = page.getByRole('region', { name: 'Assets' });
    await region.waitFor();
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(await sidewaysScroll(page)).toBe(0);

    // Filtered and sorted, with every filter in the toolbar, the page still fits.
    await page.goto('/assets?status=RETIRED&category=Pump&sort=tag&order=desc&size=50');
    await page.getByText('7 assets', { exact: true }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Tag' }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    await page.waitForLoadState('networkidle');
    expect(await sidewaysScroll(page)).toBe(0);
    await shot(page, '22-mobile-assets-filtered');
    await context.close();
  });

  it('9. the sidebar stays in view on a long page, and the colour scheme follows the system unless overridden', async () => {
    const page = ownerPage;
    await nav(page, 'Assets');
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(async () => (await rowTexts(page, 'Assets')).length).toBe(50);
    await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
    });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' });
    const box = await link.boundingBox();
    expect(box && box.y >= 0 && box.y < 860).toBe(true);

    const background = (p: Page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await h.newPage({ colorScheme: 'dark' });
    await dark.context.addCookies(await page.context().cookies());
    await dark.page.goto('/');
    await onPage(dark.page, 'Overview');
    const darkBackground = await background(dark.page);
    expect(darkBackground).not.toBe(await background(page));
    // The user's choice beats the system's, and survives a reload.
    await dark.page.getByLabel('Theme').selectOption('light');
    await expect.poll(() => background(dark.page)).toBe(await background(page));
    await dark.page.reload();
    await onPage(dark.page, 'Overview');
    expect(await background(dark.page)).toBe(await background(page));
    expect(await dark.page.getByLabel('Theme').inputValue()).toBe('light');
    await dark.page.getByLabel('Theme').selectOption('system');
    await expect.poll(() => background(dark.page)).toBe(darkBackground);
    await dark.context.close();
  });

  it('10. the keyboard walks past the charts, which are named images with their numbers as tables', async () => {
    const page = ownerPage;
    await nav(page, 'Overview');
    const charts = page.getByRole('img', { name: /^Bar chart of / });
    await expect.poll(() => charts.count()).toBe(3);
    expect(await charts.first().getAttribute('aria-label')).toMatch(/^Bar chart of assets by status\. \w/);
    // Tab from the top to the end of the page: focus never lands inside a chart.
    await page.locator('body').focus();
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return 'body';
          return el.closest('[role="img"]') ? 'CHART' : el.tagName;
        }),
      );
    }
    expect(stops).not.toContain('CHART');
    expect(stops).toContain('SUMMARY');
    await page.getByText('Show the numbers').first().click();
    await page
      .getByRole('table', { name: 'Assets by status' })
      .getByRole('row', { name: /Maintenance/ })
      .waitFor();
    expect(await page.title()).toBe('Overview · Tenantry');
  });

  // One step per look, each within its own time limit (axe takes a few seconds a page).
  it.each([
    ['light', 1280],
    ['dark', 1280],
    ['light', 390],
  ] as const)(
    '11. axe finds no serious or critical violation on any page (%s, %i px)',
    async (scheme, width) => {
      const found: Record<string, string[]> = {};
      const check = async (page: Page, path: string) => {
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        const violations = await seriousViolations(page);
        if (violations.length > 0) found[path] = violations;
      };
      const { context, page } = await h.newPage({ colorScheme: scheme, viewport: { width, height: 860 } });
      for (const path of ['/sign-in', '/sign-up', '/invite/not-a-real-token']) {
        await page.goto(path);
        await check(page, path);
      }
      await context.addCookies(await ownerPage.context().cookies());
      const api = await apiAs(context, h.baseURL);
      const site = (await api.site.list.query({ limit: 1 })).items[0];
      const building = (await api.building.list.query({ limit: 1 })).items[0];
      const asset = (await api.asset.list.query({ limit: 1 })).items[0];
      const paths = ['/', '/sites', '/buildings', '/assets', '/members', '/settings', '/audit', '/api-keys'];
      paths.push(
        `/sites/${site?.id ?? ''}`,
        `/buildings/${building?.id ?? ''}`,
        `/assets/${asset?.id ?? ''}`,
        '/nowhere',
      );
      for (const path of paths) {
        await page.goto(path);
        await check(page, path);
      }
      await context.close();
      expect(found).toEqual({});
    },
  );
  it('12. the audit log reads as sentences, an import is one event, and details expand (1280 and 390 px)', async () => {
    const { context, page } = await h.newPage({ viewport: { width: 1280, height: 860 } });
    await context.addCookies(await ownerPage.context().cookies());
    // An import of two batches, sent as the CLI sends them: one importId for both.
    const api = await apiAs(context, h.baseURL);
    const buildingId = (await api.building.list.query({ limit: 1 })).items[0]?.id ?? '';
    const importId = crypto.randomUUID();
    const row = (tag: string) => ({ buildingId, tag, name: `Imported ${tag}`, category: 'Imported' });
    await api.asset.import.mutate({ importId, rows: [row('AUD-1'), row('AUD-2')] });
    await api.asset.import.mutate({ importId, rows: [row('AUD-3')] });

    const expandImport = async (p: Page) => {
      await p.goto('/audit?action=asset.import');
      await onPage(p, 'Audit log');
      const events = p.getByRole('table', { name: 'Audit events' });
      await events.getByText(/ imported 3 assets \(3 created\)$/).waitFor();
      expect(await rowTexts(p, 'Audit events')).toHaveLength(1);
      const details = events.getByRole('button', { name: /^Details: .* imported 3 assets/ });
      expect(await details.getAttribute('aria-expanded')).toBe('false');
      await details.click();
      expect(await details.getAttribute('aria-expanded')).toBe('true');
      const list = p.locator(`[id="${(await details.getAttribute('aria-controls')) ?? ''}"]`);
      await list.getByText('Batches').waitFor();
      expect(await list.innerText()).toMatch(/Created\s+3/);
      expect(await sidewaysScroll(p)).toBe(0);
    };

    await expandImport(page);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, '22-audit-details');
    // The other events read as sentences with names, not ids.
    await page.goto('/audit?action=site.create');
    await page
      .getByRole('table', { name: 'Audit events' })
      .getByText(/ created site Riverside Campus$/)
      .waitFor();

    const mobile = await h.newPage({ viewport: { width: 390, height: 844 } });
    await mobile.context.addCookies(await ownerPage.context().cookies());
    await expandImport(mobile.page);
    expect(await seriousViolations(mobile.page)).toEqual([]);
    await shot(mobile.page, '23-audit-details-mobile');
    await mobile.context.close();
    await context.close();
  });
});
