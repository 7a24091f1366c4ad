// asset.list's search of three or more characters runs as its own statement
// (trigram matches first, then the page): it must answer exactly what the
// ordinary list does — every filter, keyset pages, case-insensitive matches
// on name, tag and serial number — and take the user's wildcards literally.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness } from '../../testing/harness.ts';
import type { Caller, Harness } from '../../testing/harness.ts';

let h: Harness;
let owner: Caller;
let northId: string;
let igloo: string;
let hut: string;

beforeAll(async () => {
  h = await createHarness();
  owner = (await h.register('asset-search')).owner.caller;
  northId = (await owner.site.create({ name: 'North' })).id;
  const southId = (await owner.site.create({ name: 'South' })).id;
  igloo = (await owner.building.create({ siteId: northId, name: 'Igloo' })).id;
  hut = (await owner.building.create({ siteId: southId, name: 'Hut' })).id;
  for (let i = 0; i < 30; i += 1) {
    await owner.asset.create({
      buildingId: i % 2 ? hut : igloo,
      tag: `PMP-${String(i).padStart(3, '0')}`,
      name: i % 3 ? `Pump ${i}` : `Boiler ${i}`,
      category: i % 3 ? 'Plumbing' : 'HVAC',
      status: i % 5 ? 'OPERATIONAL' : 'MAINTENANCE',
      serialNumber: `SN-${i}${i % 4 ? '' : '-100%'}`,
    });
  }
});
afterAll(() => h.close());

const tags = (page: { items: { tag: string }[] }) => page.items.map((a) => a.tag);

describe('asset.list search', () => {
  it('matches name, tag and serial number case-insensitively, newest first, with the relations', async () => {
    const pumps = await owner.asset.list({ search: 'pUmP', limit: 100 });
    expect(pumps.items).toHaveLength(20);
    expect(tags(pumps)[0]).toBe('PMP-029');
    const byName = await owner.asset.list({ search: 'oiler', limit: 100 });
    expect(tags(byName)).toEqual([
      'PMP-027',
      'PMP-024',
      'PMP-021',
      'PMP-018',
      'PMP-015',
      'PMP-012',
      'PMP-009',
      'PMP-006',
      'PMP-003',
      'PMP-000',
    ]);
    const first = byName.items[0];
    expect(first?.building).toEqual({
      id: hut,
      name: 'Hut',
      site: { id: expect.any(String) as string, name: 'South' },
    });
    expect(first?.createdAt).toBeInstanceOf(Date);
    expect(first?.installedAt).toBeNull();
    expect(tags(await owner.asset.list({ search: 'sn-17' }))).toEqual(['PMP-017']);
  });

  it('applies every filter and pages by keyset', async () => {
    const filtered = await owner.asset.list({
      search: 'pump',
      siteId: northId,
      status: 'OPERATIONAL',
      category: 'Plumbing',
      limit: 100,
    });
    expect(tags(filtered)).toEqual([
      'PMP-028',
      'PMP-026',
      'PMP-022',
      'PMP-016',
      'PMP-014',
      'PMP-008',
      'PMP-004',
      'PMP-002',
    ]);
    expect(tags(await owner.asset.list({ search: 'pump', buildingId: hut, tag: 'PMP-001' }))).toEqual([
      'PMP-001',
    ]);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await owner.asset.list({ search: 'PMP', limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...tags(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(tags(await owner.asset.list({ limit: 100 })));
  });

  it('takes % and _ literally', async () => {
    expect(tags(await owner.asset.list({ search: '-100%' }))).toEqual([
      'PMP-028',
      'PMP-024',
      'PMP-020',
      'PMP-016',
      'PMP-012',
      'PMP-008',
      'PMP-004',
      'PMP-000',
    ]);
    expect((await owner.asset.list({ search: 'PMP_0' })).items).toEqual([]);
    expect((await owner.asset.list({ search: '%%%' })).items).toEqual([]);
  });
});

describe('site.list and building.list search', () => {
  it('match through their search functions, with counts, filters and literal wildcards', async () => {
    const sites = await owner.site.list({ search: 'ORT' });
    expect(sites.items.map((x) => x.name)).toEqual(['North']);
    expect(sites.items[0]?._count).toEqual({ buildings: 1 });
    expect(sites.items[0]?.createdAt).toBeInstanceOf(Date);
    const buildings = await owner.building.list({ search: 'gLo' });
    expect(buildings.items.map((b) => [b.name, b.site.name, b._count.assets])).toEqual([
      ['Igloo', 'North', 15],
    ]);
    expect((await owner.building.list({ search: 'igloo', siteId: northId })).items).toHaveLength(1);
    expect((await owner.building.list({ search: 'hut', siteId: northId })).items).toEqual([]);
    expect((await owner.site.list({ search: 'N%h' })).items).toEqual([]);
  });
});
