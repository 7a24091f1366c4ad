// Reads that stay flat as a tenant grows, proven by plans rather than by time:
// a tenant with 40k assets and 20k sites and buildings (written as the owner in SQL, then ANALYZEd), the
// procedure called through the router, the exact statement it sent (with its
// values) captured at the wire, and run again as the app role bound to the
// tenant with auto_explain reporting every plan, the statements inside the
// search function included. asset.list's search must reach assets through the
// trigram indexes, never by reading the tenant's rows; asset.stats must not
// read assets at all (asset_counts, kept by triggers).
import { plansAsApp, startWireCounter } from '@tenantry/db/testing';
import type { CapturedStatement, WireCounter } from '@tenantry/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness } from './testing/harness.ts';
import type { Harness, Org } from './testing/harness.ts';

const ROWS = 40_000;
/** Matches nothing: the case that used to read every asset of the tenant. */
const MISS = 'no-such-asset';

let h: Harness;
let org: Org;
let capture: WireCounter;

describe(`plans at ${ROWS} assets`, { tags: ['postgres'] }, () => {
  beforeAll(async () => {
    h = await createHarness({
      through: async (url) => {
        capture = await startWireCounter(url);
        return capture.url;
      },
    });
    org = await h.register('plans');
    const t = org.tenantId;
    await h.db.owner.exec(`
      insert into sites (tenant_id, id, name, updated_at)
        select '${t}', gen_random_uuid(), 'Site ' || i, now() from generate_series(1, 5) as i;
      insert into buildings (tenant_id, id, site_id, name, updated_at)
        select '${t}', gen_random_uuid(), s.id, 'Building ' || i, now()
          from sites s, generate_series(1, 10) as i where s.tenant_id = '${t}';
      insert into assets (tenant_id, id, building_id, tag, name, category, status, serial_number, updated_at)
        select '${t}', gen_random_uuid(), b.ids[1 + i % 50], 'A-' || lpad(i::text, 7, '0'), 'Asset ' || md5(i::text),
               (array['HVAC', 'Lifts', 'Plumbing', 'Electrical'])[1 + i % 4],
               (array['OPERATIONAL', 'MAINTENANCE'])[1 + i % 2]::"AssetStatus", 'SN' || md5((-i)::text), now()
          from generate_series(1, ${ROWS}) as i,
               (select array_agg(id) as ids from buildings where tenant_id = '${t}') as b;
      insert into sites (tenant_id, id, name, address, updated_at)
        select '${t}', gen_random_uuid(), 'Site ' || md5(i::text), i || ' ' || md5((-i)::text) || ' Street', now()
          from generate_series(1, ${ROWS / 2}) as i;
      insert into buildings (tenant_id, id, site_id, name, updated_at)
        select '${t}', gen_random_uuid(), (select min(id::text)::uuid from sites where tenant_id = '${t}'),
               'Building ' || md5(i::text), now()
          from generate_series(1, ${ROWS / 2}) as i;
    `);
    // As autovacuum would: statistics, and the GIN indexes' pending entries merged.
    for (const table of ['assets', 'asset_counts', 'buildings', 'sites']) {
      await h.db.owner.exec(`vacuum analyze ${table}`);
    }
    // Writing 80k rows with their GIN indexes takes a while on a busy 2-core machine.
  }, 300_000);
  afterAll(async () => {
    await h.close();
    await capture.close();
  });

  /** Runs a procedure and returns the one statement it sent that mentions `marker`. */
  async function statementOf(call: () => Promise<unknown>, marker: string): Promise<CapturedStatement> {
    capture.reset();
    await call();
    const sent = capture.statements().filter((s) => s.sql.includes(marker));
    expect(sent, `statements mentioning ${marker}`).toHaveLength(1);
    return sent[0] as CapturedStatement;
  }

  const plansOf = (statement: CapturedStatement) =>
    plansAsApp(h.db.url ?? '', statement.sql, statement.params, org.tenantId);

  it('asset.list: a search finds its matches through the trigram indexes', async () => {
    const statement = await statementOf(
      () => org.owner.caller.asset.list({ search: MISS }),
      'tenantry_search_assets',
    );
    const plans = await plansOf(statement);
    const all = plans.join('\n');
    const inner = plans.find((p) => p.includes('ILIKE'));
    expect(inner, all).toBeDefined();
    for (const index of ['assets_name_trgm_idx', 'assets_tag_trgm_idx', 'assets_serial_number_trgm_idx']) {
      expect(inner, all).toContain(index);
    }
    expect(all).not.toMatch(/Seq Scan on assets/);
    expect(all).not.toMatch(/Index Scan Backward using assets_pkey/);
  });

  it.each([
    [
      'site.list',
      () => org.owner.caller.site.list({ search: MISS }),
      ['sites_name_trgm_idx', 'sites_address_trgm_idx'],
    ],
    ['building.list', () => org.owner.caller.building.list({ search: MISS }), ['buildings_name_trgm_idx']],
  ] as const)('%s: a search finds its matches through the trigram indexes', async (path, call, indexes) => {
    const fn = `tenantry_search_${path.split('.')[0] ?? ''}s`;
    const plans = await plansOf(await statementOf(call, fn));
    const all = plans.join('\n');
    const inner = plans.find((p) => p.includes('ILIKE'));
    for (const index of indexes) expect(inner, all).toContain(index);
    expect(all).not.toMatch(/Seq Scan on (sites|buildings)\b/);
  });

  it('asset.list: a search that hits returns its row, newest first', async () => {
    const page = await org.owner.caller.asset.list({ search: 'A-0020000' });
    expect(page.items.map((a) => a.tag)).toEqual(['A-0020000']);
  });

  it('asset.stats reads asset_counts and never the assets', async () => {
    const stats = await org.owner.caller.asset.stats();
    expect(stats.total).toBe(ROWS);
    const plans = await plansOf(await statementOf(() => org.owner.caller.asset.stats(), 'asset_counts'));
    const all = plans.join('\n');
    expect(all).toContain('asset_counts');
    expect(all).not.toMatch(/ on assets\b/);
  });
  // asset.list's sorts (issue 17): the second page of each sort, either way,
  // walks its (tenant_id, key, id) index (the tag: its unique index) in order
  // from the cursor, never the tenant's rows sorted. The status is the
  // exception that proves the rule: enum comparisons are not leakproof, so
  // under row-level security its cursor is a filter on the ordered index
  // walk, not where the walk starts.
  const SORT_INDEX = {
    name: 'assets_tenant_id_name_id_idx',
    tag: 'assets_tenant_id_tag_key',
    status: 'assets_tenant_id_status_id_idx',
    category: 'assets_tenant_id_category_id_idx',
    updated: 'assets_tenant_id_updated_at_id_idx',
  } as const;
  it.each(
    Object.entries(SORT_INDEX).flatMap(([sort, index]) =>
      (['asc', 'desc'] as const).map((order) => [sort as keyof typeof SORT_INDEX, order, index] as const),
    ),
  )('asset.list sorted by %s %s pages through %s', async (sort, order, index) => {
    const first = await org.owner.caller.asset.list({ sort, order });
    const cursor = first.nextCursor ?? '';
    const statement = await statementOf(
      () => org.owner.caller.asset.list({ sort, order, cursor }),
      'json_build_object',
    );
    const all = (await plansOf(statement)).join('\n');
    expect(all).toContain(index);
    if (sort === 'status') expect(all).toMatch(/Filter: \(ROW\(status, id\)/);
    else expect(all).toMatch(/Index Cond: .*(ROW\(| [<>] ')/);
    // The only sort is of the page's rows, after the join.
    expect(all.match(/ Sort Key: /g)?.length ?? 0).toBe(1);
    expect(all).not.toMatch(/Seq Scan on assets/);
  });

  it.each([
    ['everything', {}, 'true'],
    ['a status', { status: 'MAINTENANCE' as const }, `a.status = 'MAINTENANCE'`],
    ['a category on a site', { category: 'Lifts', siteId: '' }, `a.category = 'Lifts' and s.name = 'Site 1'`],
  ])(
    'asset.count of %s is exact from asset_counts, never reading the assets',
    async (_what, filters, where) => {
      const [site] = await h.db.owner.rows<{ id: string }>(
        `select id from sites where tenant_id = '${org.tenantId}' and name = 'Site 1'`,
      );
      const [expected] = await h.db.owner.rows<{ n: number }>(
        `select count(*)::int as n from assets a join buildings b on b.id = a.building_id
         join sites s on s.id = b.site_id where a.tenant_id = '${org.tenantId}' and ${where}`,
      );
      const input = 'siteId' in filters ? { ...filters, siteId: site?.id ?? '' } : filters;
      expect(await org.owner.caller.asset.count(input)).toEqual({ count: expected?.n, capped: false });
      const all = (
        await plansOf(await statementOf(() => org.owner.caller.asset.count(input), 'asset_counts'))
      ).join('\n');
      expect(all).toContain('asset_counts');
      expect(all).not.toMatch(/ on assets\b/);
    },
  );

  it('asset.count of a search that matches more than the cap stops counting there', async () => {
    expect(await org.owner.caller.asset.count({ search: 'A-00' })).toEqual({ count: 10_000, capped: true });
    const all = (
      await plansOf(await statementOf(() => org.owner.caller.asset.count({ search: 'A-00' }), 'count('))
    ).join('\n');
    expect(all).toMatch(/Aggregate .*\n\s+->\s+Limit /);
  });

  it('asset.count of a search counts through the trigram indexes', async () => {
    expect(await org.owner.caller.asset.count({ search: 'A-002000' })).toEqual({ count: 10, capped: false });
    const plans = await plansOf(
      await statementOf(() => org.owner.caller.asset.count({ search: MISS }), 'tenantry_search_assets'),
    );
    const all = plans.join('\n');
    expect(
      plans.find((p) => p.includes('ILIKE')),
      all,
    ).toContain('assets_tag_trgm_idx');
    expect(all).not.toMatch(/Seq Scan on assets/);
  });
});
