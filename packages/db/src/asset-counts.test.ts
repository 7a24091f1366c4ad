// asset_counts is kept by triggers on assets (migration *_search_and_asset_counts):
// after any mix of inserts, updates and deletes, as the app role under RLS, it
// equals counting the assets themselves, and only the triggers can write it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { insertTenant } from './testing/fixtures.ts';
import type { TenantRows } from './testing/fixtures.ts';
import { createTestDatabase } from './testing/test-db.ts';
import type { TestDatabase } from './testing/test-db.ts';

let db: TestDatabase;
let a: TenantRows;
let b: TenantRows;
const secondBuilding = '01900000-0000-7000-8000-0000000000b2';

beforeAll(async () => {
  db = await createTestDatabase();
  a = await insertTenant(db.owner, 'a');
  b = await insertTenant(db.owner, 'b');
  await db.owner.exec(`
    insert into buildings (tenant_id, id, site_id, name, updated_at)
      values ('${a.tenantId}', '${secondBuilding}', '${a.siteId}', 'Annex', now())`);
});
afterAll(() => db.close());

interface Count {
  building_id: string;
  status: string;
  category: string;
  count: number;
}

/** The counters with assets in them, and the same figures counted from the assets. */
async function countersAndTruth(tenantId: string): Promise<[Count[], Count[]]> {
  const order = 'order by building_id, status, category';
  const counters = await db.owner.rows<Count>(
    `select building_id, status::text as status, category, count from asset_counts
      where tenant_id = '${tenantId}' and count > 0 ${order}`,
  );
  const truth = await db.owner.rows<Count>(
    `select building_id, status::text as status, category, count(*)::int as count from assets
      where tenant_id = '${tenantId}' group by 1, 2, 3 ${order}`,
  );
  return [counters, truth];
}

describe('asset_counts', () => {
  it('follows inserts, updates and deletes made as the app role, statement by statement', async () => {
    const asA = (sql: string) => db.asApp(sql, [], a.tenantId);
    await asA(`
      insert into assets (tenant_id, id, building_id, tag, name, category, status, updated_at)
      select '${a.tenantId}', gen_random_uuid(),
             case when i % 3 = 0 then '${secondBuilding}'::uuid else '${a.buildingId}'::uuid end,
             'GEN-' || i, 'Asset ' || i, (array['HVAC', 'Lifts', 'Plumbing'])[1 + i % 3],
             (array['OPERATIONAL', 'MAINTENANCE'])[1 + i % 2]::"AssetStatus", now()
        from generate_series(1, 60) as i`);
    let [counters, truth] = await countersAndTruth(a.tenantId);
    expect(counters).toEqual(truth);
    expect(truth.reduce((sum, c) => sum + c.count, 0)).toBe(61);

    // Status, building and category changes move counts; a rename moves none.
    await asA(`update assets set status = 'OUT_OF_SERVICE' where tag in ('GEN-1', 'GEN-2', 'GEN-3')`);
    await asA(`update assets set building_id = '${secondBuilding}' where tag like 'GEN-1%'`);
    await asA(`update assets set category = 'Electrical', name = 'Renamed' where tag like 'GEN-2%'`);
    await asA(`update assets set name = 'Renamed again' where tag like 'GEN-3%'`);
    await asA(`delete from assets where tag like 'GEN-4%' or tag = 'GEN-5'`);
    [counters, truth] = await countersAndTruth(a.tenantId);
    expect(counters).toEqual(truth);

    // One transaction mixing all three, then everything gone.
    await asA(`
      with moved as (update assets set status = 'RETIRED' where tag like 'GEN-5%' returning id),
           removed as (delete from assets where tag like 'GEN-6%' returning id)
      insert into assets (tenant_id, id, building_id, tag, name, category, updated_at)
      values ('${a.tenantId}', gen_random_uuid(), '${secondBuilding}', 'LATE-1', 'Late', 'HVAC', now())`);
    [counters, truth] = await countersAndTruth(a.tenantId);
    expect(counters).toEqual(truth);
    await asA(`delete from assets`);
    [counters, truth] = await countersAndTruth(a.tenantId);
    expect(counters).toEqual([]);
    expect(truth).toEqual([]);
  });

  it("never touches another tenant's counters", async () => {
    const [counters, truth] = await countersAndTruth(b.tenantId);
    expect(counters).toEqual(truth);
    expect(counters).toEqual([
      { building_id: b.buildingId, status: 'OPERATIONAL', category: 'HVAC', count: 1 },
    ]);
  });

  it('the app role reads its own counters and cannot write any', async () => {
    const own = await db.asApp<{ tenant_id: string }>('select tenant_id from asset_counts', [], b.tenantId);
    expect(own.map((r) => r.tenant_id)).toEqual([b.tenantId]);
    await expect(db.asApp('update asset_counts set count = 1000', [], b.tenantId)).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      db.asApp(
        `insert into asset_counts (tenant_id, building_id, status, category, count)
           values ($1, $2, 'OPERATIONAL', 'Forged', 5)`,
        [b.tenantId, b.buildingId],
        b.tenantId,
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('a building without assets takes its zeroed counters with it', async () => {
    await db.owner.exec(`delete from buildings where id = '${secondBuilding}'`);
    const left = await db.owner.rows(`select 1 from asset_counts where building_id = '${secondBuilding}'`);
    expect(left).toEqual([]);
  });
});
