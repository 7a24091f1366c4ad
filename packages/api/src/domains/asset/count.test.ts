// asset.count: how many assets asset.list would return with the same filters
// and search, exact up to ASSET_COUNT_CAP, then "more than that".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness } from '../../testing/harness.ts';
import type { Caller, Harness, Org } from '../../testing/harness.ts';
import { ASSET_COUNT_CAP } from './schemas.ts';

let h: Harness;
let org: Org;
let owner: Caller;
let north: string;
let igloo: string;

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('asset-count');
  owner = org.owner.caller;
  north = (await owner.site.create({ name: 'North' })).id;
  const south = (await owner.site.create({ name: 'South' })).id;
  igloo = (await owner.building.create({ siteId: north, name: 'Igloo' })).id;
  const hut = (await owner.building.create({ siteId: south, name: 'Hut' })).id;
  for (let i = 0; i < 12; i += 1) {
    await owner.asset.create({
      buildingId: i % 3 ? hut : igloo,
      tag: `C-${i}`,
      name: i % 2 ? `Pump ${i}` : `Boiler ${i}`,
      category: i % 4 ? 'Plumbing' : 'HVAC',
      status: i % 5 ? 'OPERATIONAL' : 'MAINTENANCE',
      serialNumber: `SN_${i}`,
    });
  }
});
afterAll(() => h.close());

/** What asset.list returns for the same filters, all of it. */
const listed = async (filters: Parameters<Caller['asset']['count']>[0]) =>
  (await owner.asset.list({ ...filters, limit: 100 })).items.length;

describe('asset.count', () => {
  it('counts what the list returns, under every filter and search', async () => {
    for (const filters of [
      {},
      { siteId: north },
      { buildingId: igloo },
      { status: 'MAINTENANCE' as const },
      { category: 'HVAC' },
      { tag: 'C-3' },
      { search: 'pump' },
      { search: 'p' },
      { search: 'SN_1' },
      { search: 'pump', siteId: north, category: 'Plumbing', status: 'OPERATIONAL' as const },
      { search: 'nothing like it' },
    ]) {
      const expected = await listed(filters);
      expect(await owner.asset.count(filters), JSON.stringify(filters)).toEqual({
        count: expected,
        capped: false,
      });
    }
    expect((await owner.asset.count({})).count).toBe(12);
    // The user's wildcards are literal: "_" is an underscore, not any character.
    expect((await owner.asset.count({ search: 'N_1' })).count).toBe(3);
  });

  it(`stops a search's count at ${ASSET_COUNT_CAP} and says there are more`, async () => {
    const other = await h.register('asset-count-many');
    const site = await other.owner.caller.site.create({ name: 'Depot' });
    const building = await other.owner.caller.building.create({ siteId: site.id, name: 'Shed' });
    await h.db.owner.exec(`
      insert into assets (tenant_id, id, building_id, tag, name, category, updated_at)
        select '${other.tenantId}', gen_random_uuid(), '${building.id}', 'M-' || i, 'Crate ' || i, 'Storage', now()
          from generate_series(1, ${ASSET_COUNT_CAP + 5}) as i`);
    expect(await other.owner.caller.asset.count({ search: 'Crate' })).toEqual({
      count: ASSET_COUNT_CAP,
      capped: true,
    });
    // Without a search, the count comes from asset_counts: exact at any size.
    expect(await other.owner.caller.asset.count({})).toEqual({ count: ASSET_COUNT_CAP + 5, capped: false });
    expect(await other.owner.caller.asset.count({ category: 'Storage', status: 'OPERATIONAL' })).toEqual({
      count: ASSET_COUNT_CAP + 5,
      capped: false,
    });
    expect(await other.owner.caller.asset.count({ search: 'Crate 1000' })).toEqual({
      count: 7,
      capped: false,
    });
    // 1000, 10000 to 10005. Another tenant's count is its own.
    expect(await owner.asset.count({})).toEqual({ count: 12, capped: false });
  }, 60_000);
});
