// asset.list under every sort: keyset pages of any size, joined, are the one
// sorted list, with no row skipped or repeated however many rows share a key
// (ties broken by id, in the sort's direction), with and without filters and
// search. A cursor is only good for the sort that made it.
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';

import { createHarness } from '../../testing/harness.ts';
import type { Caller, Harness } from '../../testing/harness.ts';
import { ASSET_SORTS, ASSET_STATUSES, SORT_ORDERS } from './schemas.ts';
import type { TAssetSort, TSortOrder } from './schemas.ts';

let h: Harness;
let owner: Caller;
let siteId: string;
let tenantId: string;

type Asset = Awaited<ReturnType<Caller['asset']['list']>>['items'][number];

beforeAll(async () => {
  h = await createHarness();
  const org = await h.register('asset-sort');
  owner = org.owner.caller;
  tenantId = org.tenantId;
  siteId = (await owner.site.create({ name: 'North' })).id;
  const other = (await owner.site.create({ name: 'South' })).id;
  const buildings = [
    (await owner.building.create({ siteId, name: 'Igloo' })).id,
    (await owner.building.create({ siteId: other, name: 'Hut' })).id,
  ];
  // Few distinct names, categories and statuses: most keys are shared.
  for (let i = 0; i < 24; i += 1) {
    await owner.asset.create({
      buildingId: buildings[i % 2] ?? '',
      tag: `S-${String((i * 7) % 24).padStart(2, '0')}`,
      name: ['Pump', 'boiler', 'Pump', 'Ärmel', 'chiller'][i % 5] ?? '',
      category: ['HVAC', 'Plumbing', 'Lifts'][i % 3] ?? '',
      status: ASSET_STATUSES[i % ASSET_STATUSES.length],
    });
  }
  // Three updated_at values for all of them: ties on a timestamp too.
  await h.db.owner.exec(`
    update assets set updated_at = timestamptz '2026-01-01T00:00:00.123Z' + (hashtext(id::text) % 3) * interval '1 day'
     where tenant_id = '${org.tenantId}'`);
}, 60_000);
afterAll(() => h.close());

const key: Record<TAssetSort, (a: Asset) => string | number> = {
  created: () => 0,
  name: (a) => a.name,
  tag: (a) => a.tag,
  status: (a) => ASSET_STATUSES.indexOf(a.status),
  category: (a) => a.category,
  updated: (a) => a.updatedAt.getTime(),
};

/** Every page of the list, `limit` at a time. */
async function allPages(input: {
  sort: TAssetSort;
  order: TSortOrder;
  limit: number;
  search?: string;
  siteId?: string;
}) {
  const rows: Asset[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 30; pages += 1) {
    const page = await owner.asset.list({ ...input, ...(cursor ? { cursor } : {}) });
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error('the list never ended');
}

describe('asset.list sorts', () => {
  it('pages of any size join into the whole list, in order, ties broken by id', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ASSET_SORTS),
        fc.constantFrom(...SORT_ORDERS),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom(undefined, 'pump', 'p'),
        fc.boolean(),
        async (sort, order, limit, search, onSite) => {
          const filters = { ...(search ? { search } : {}), ...(onSite ? { siteId } : {}) };
          const whole = await owner.asset.list({ sort, order, limit: 100, ...filters });
          expect(whole.nextCursor).toBeNull();
          const paged = await allPages({ sort, order, limit, ...filters });
          expect(paged.map((a) => a.id)).toEqual(whole.items.map((a) => a.id));
          expect(new Set(paged.map((a) => a.id)).size).toBe(paged.length);
          // Collated text (name, tag, category) sorts as the database sorts it; the rest is checked here.
          const sign = order === 'asc' ? 1 : -1;
          for (let i = 1; i < paged.length; i += 1) {
            const [a, b] = [paged[i - 1] as Asset, paged[i] as Asset];
            if (typeof key[sort](a) === 'number' && key[sort](a) !== key[sort](b)) {
              expect(sign * ((key[sort](b) as number) - (key[sort](a) as number))).toBeGreaterThan(0);
            } else if (key[sort](a) === key[sort](b)) {
              expect(sign * b.id.localeCompare(a.id), `${sort} ${order}: a tie goes by id`).toBeGreaterThan(
                0,
              );
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('sorts names, tags and categories as the database collates them', async () => {
    for (const [sort, column] of [
      ['name', 'name'],
      ['category', 'category'],
    ] as const) {
      const listed = (await owner.asset.list({ sort, limit: 100 })).items.map((a) => a[column]);
      const collated = await h.db.owner.rows<{ key: string }>(
        `select ${column} as key from assets where tenant_id = '${tenantId}' order by ${column}`,
      );
      expect(listed).toEqual(collated.map((r) => r.key));
    }
    const tags = (await owner.asset.list({ sort: 'tag', order: 'desc', limit: 3 })).items.map((a) => a.tag);
    expect(tags).toEqual(['S-23', 'S-22', 'S-21']);
  });

  it('defaults to newest first, and each sort to its natural order', async () => {
    const newest = await owner.asset.list({ limit: 100 });
    const ids = newest.items.map((a) => a.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const byTag = await owner.asset.list({ sort: 'tag', limit: 2 });
    expect(byTag.items.map((a) => a.tag)).toEqual(['S-00', 'S-01']);
  });
});

async function badRequest(input: unknown) {
  const error = await owner.asset.list(input as never).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe('BAD_REQUEST');
  return ((error as TRPCError).cause as ZodError).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('asset.list refuses', () => {
  it('an unknown sort or order', async () => {
    expect(await badRequest({ sort: 'serialNumber' })).toEqual([
      'sort: must be one of created, name, tag, status, category, updated',
    ]);
    expect(await badRequest({ sort: 'name', order: 'up' })).toEqual(['order: must be asc or desc']);
  });

  it("a cursor that is not one of this sort's cursors", async () => {
    const byName = await owner.asset.list({ sort: 'name', limit: 2 });
    const newest = await owner.asset.list({ limit: 2 });
    const message = 'cursor: is not a cursor of this list in this sort; start again from the first page';
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const input of [
      { sort: 'tag', cursor: byName.nextCursor },
      { sort: 'status', cursor: byName.nextCursor },
      { sort: 'name', cursor: newest.nextCursor },
      { cursor: byName.nextCursor },
      { sort: 'name', cursor: 'not base64 at all!' },
      { sort: 'name', cursor: forged(['Pump']) },
      { sort: 'name', cursor: forged(['Pump', 'not-an-id']) },
      { sort: 'name', cursor: forged(['a\u0000b', newest.items[0]?.id]) },
      { sort: 'updated', cursor: forged(['yesterday', newest.items[0]?.id]) },
      { sort: 'status', cursor: forged(['BROKEN', newest.items[0]?.id]) },
    ]) {
      expect(await badRequest(input), JSON.stringify(input)).toEqual([message]);
    }
  });
});
