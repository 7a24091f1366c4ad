// Sites → buildings → assets: CRUD, keyset pagination, search and filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { callPath, createHarness, outcome } from '../testing/harness.ts';
import type { Caller, Harness } from '../testing/harness.ts';

let h: Harness;
let owner: Caller;
let siteId: string;
let otherSiteId: string;
let buildingId: string;
let otherBuildingId: string;

beforeAll(async () => {
  h = await createHarness();
  owner = (await h.register('domain')).owner.caller;
  siteId = (await owner.site.create({ name: 'North Campus', address: '1 Polar Way' })).id;
  otherSiteId = (await owner.site.create({ name: 'South Campus' })).id;
  buildingId = (await owner.building.create({ siteId, name: 'Igloo', floors: 1 })).id;
  otherBuildingId = (await owner.building.create({ siteId: otherSiteId, name: 'Beach Hut' })).id;
  // 150 assets: every third one is a lift, every fifth in maintenance; a third sit on the other site.
  for (let i = 0; i < 150; i += 1) {
    await owner.asset.create({
      buildingId: i % 3 === 2 ? otherBuildingId : buildingId,
      tag: `AS-${String(i).padStart(4, '0')}`,
      name: i % 3 === 0 ? `Lift ${i}` : `Boiler ${i}`,
      category: i % 3 === 0 ? 'Lifts' : 'HVAC',
      status: i % 5 === 0 ? 'MAINTENANCE' : 'OPERATIONAL',
    });
  }
});
afterAll(() => h.close());

describe('assets list', () => {
  it('pages through all 150 newest first, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      // As tRPC's infinite queries send it: with `direction`.
      const page = await owner.asset.list({ limit: 40, direction: 'forward', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((a) => a.tag));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(150);
    expect(new Set(seen).size).toBe(150);
    expect(seen[0]).toBe('AS-0149');
    expect(seen.at(-1)).toBe('AS-0000');
  });

  it('pages only forward, and says so', async () => {
    const backward = callPath(owner, 'asset.list', { limit: 40, direction: 'backward' });
    expect(await outcome(backward)).toBe('BAD_REQUEST');
  });

  it('searches names and tags, case-insensitively', async () => {
    const lifts = await owner.asset.list({ search: 'lift', limit: 100 });
    expect(lifts.items).toHaveLength(50);
    expect(lifts.items.every((a) => a.name.startsWith('Lift'))).toBe(true);
    const byTag = await owner.asset.list({ search: 'as-012' });
    expect(byTag.items.map((a) => a.tag).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `AS-012${i}`));
  });

  it('filters by site, building, status, category and exact tag', async () => {
    expect((await owner.asset.list({ siteId: otherSiteId, limit: 100 })).items).toHaveLength(50);
    expect((await owner.asset.list({ buildingId, limit: 100 })).items).toHaveLength(100);
    expect((await owner.asset.list({ status: 'MAINTENANCE', limit: 100 })).items).toHaveLength(30);
    expect(
      (await owner.asset.list({ category: 'Lifts', status: 'MAINTENANCE', limit: 100 })).items,
    ).toHaveLength(10);
    const [one] = (await owner.asset.list({ tag: 'AS-0042' })).items;
    expect(one).toMatchObject({
      tag: 'AS-0042',
      building: { name: 'Igloo', site: { name: 'North Campus' } },
    });
  });
});

describe('asset.stats', () => {
  it('counts by status, category and site', async () => {
    const stats = await owner.asset.stats();
    expect(stats.total).toBe(150);
    expect(stats.byStatus).toEqual({ MAINTENANCE: 30, OPERATIONAL: 120 });
    expect(stats.byCategory).toEqual({ HVAC: 100, Lifts: 50 });
    expect(stats.bySite).toEqual({ 'North Campus': 100, 'South Campus': 50 });
  });
});

describe('asset.import', () => {
  it('creates, then on a re-run changes nothing, and updates only what differs', async () => {
    const warehouse = await owner.building.create({ siteId: otherSiteId, name: 'Import warehouse' });
    const rows = Array.from({ length: 100 }, (_, i) => ({
      buildingId: warehouse.id,
      tag: `IMP-${i}`,
      name: `Imported ${i}`,
      category: 'Imported',
      status: 'OPERATIONAL' as const,
    }));
    expect(await owner.asset.import({ rows })).toMatchObject({ created: 100, updated: 0, unchanged: 0 });
    expect(await owner.asset.import({ rows })).toMatchObject({ created: 0, updated: 0, unchanged: 100 });
    const changed = rows.map((row, i) => (i < 3 ? { ...row, status: 'RETIRED' as const } : row));
    expect(await owner.asset.import({ rows: changed })).toMatchObject({
      created: 0,
      updated: 3,
      unchanged: 97,
    });
  });

  it('refuses over 100 rows, duplicate tags and unknown buildings, writing nothing', async () => {
    const row = { buildingId, tag: 'X-1', name: 'x', category: 'c' };
    expect(
      await outcome(
        owner.asset.import({ rows: Array.from({ length: 101 }, (_, i) => ({ ...row, tag: `X-${i}` })) }),
      ),
    ).toBe('BAD_REQUEST');
    expect(await outcome(owner.asset.import({ rows: [row, row] }))).toBe('BAD_REQUEST');
    const ghost = { ...row, tag: 'X-2', buildingId: '019a0000-0000-7000-8000-0000000000ff' };
    expect(await outcome(owner.asset.import({ rows: [row, ghost] }))).toBe('NOT_FOUND');
    expect((await owner.asset.list({ tag: 'X-1' })).items).toEqual([]);
  });
});

describe('sites, buildings, assets', () => {
  it('create, read, update and delete an asset; its tag stays unique', async () => {
    const asset = await owner.asset.create({
      buildingId,
      tag: 'NEW-1',
      name: 'Chiller',
      category: 'HVAC',
      serialNumber: 'SN-1',
      installedAt: '2024-05-01',
    });
    expect(asset.installedAt?.toISOString().slice(0, 10)).toBe('2024-05-01');
    expect(
      await outcome(owner.asset.create({ buildingId, tag: 'NEW-1', name: 'Dup', category: 'HVAC' })),
    ).toBe('CONFLICT');
    const moved = await owner.asset.update({
      id: asset.id,
      buildingId: otherBuildingId,
      status: 'RETIRED',
      serialNumber: null,
    });
    expect(moved).toMatchObject({
      buildingId: otherBuildingId,
      status: 'RETIRED',
      serialNumber: null,
      name: 'Chiller',
    });
    expect(await outcome(owner.asset.update({ id: asset.id, tag: 'AS-0001' }))).toBe('CONFLICT');
    await owner.asset.delete({ id: asset.id });
    expect(await outcome(owner.asset.byId({ id: asset.id }))).toBe('NOT_FOUND');
  });

  it('a site or building that still holds things cannot be deleted', async () => {
    expect(await outcome(owner.site.delete({ id: siteId }))).toBe('CONFLICT');
    expect(await outcome(owner.building.delete({ id: buildingId }))).toBe('CONFLICT');
    const empty = await owner.site.create({ name: 'Empty lot' });
    await owner.site.delete({ id: empty.id });
    expect(await outcome(owner.site.byId({ id: empty.id }))).toBe('NOT_FOUND');
  });

  it('site names are unique per tenant; lists count children', async () => {
    expect(await outcome(owner.site.create({ name: 'North Campus' }))).toBe('CONFLICT');
    const site = await owner.site.byId({ id: siteId });
    expect(site._count.buildings).toBe(1);
    const buildings = await owner.building.list({ siteId });
    expect(buildings.items[0]?._count.assets).toBe(100);
  });

  it('an update of a site or building that is not there is NOT_FOUND, named by its kind', async () => {
    const ghost = '019a0000-0000-7000-8000-0000000000fe';
    await expect(owner.site.update({ id: ghost, name: 'Nowhere' })).rejects.toThrow('Site not found');
    await expect(owner.building.update({ id: ghost, floors: 2 })).rejects.toThrow('Building not found');
    expect(await outcome(owner.site.update({ id: ghost, name: 'Nowhere' }))).toBe('NOT_FOUND');
  });

  it('a building cannot be created on a missing site', async () => {
    expect(
      await outcome(owner.building.create({ siteId: '019a0000-0000-7000-8000-0000000000ff', name: 'Ghost' })),
    ).toBe('NOT_FOUND');
  });

  it('updates with nothing to change are fine, and every change is audited', async () => {
    await owner.site.update({ id: siteId, address: '2 Polar Way' });
    const events = await owner.audit.list({ targetType: 'site' });
    expect(events.items[0]).toMatchObject({
      action: 'site.update',
      targetId: siteId,
      data: { address: '2 Polar Way' },
    });
  });
});
