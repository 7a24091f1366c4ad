// Layer 2: the tenant-bound client, on the real runtime client (Prisma as the
// app role), and alone on an owner connection that RLS does not bind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from './client.ts';
import { scopeToTenant, TenantScopeError, withTenant } from './tenant.ts';
import { insertTenant } from './testing/fixtures.ts';
import type { TenantRows } from './testing/fixtures.ts';
import { createTestDatabase } from './testing/test-db.ts';
import type { TestDatabase } from './testing/test-db.ts';

let db: TestDatabase;
let app: Database;
let a: TenantRows;
let b: TenantRows;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await insertTenant(db.owner, 'a');
  b = await insertTenant(db.owner, 'b');
  app = await db.openApp({ max: 1 });
});
afterAll(() => db.close());

const siteOfA = () => ({ tenantId_id: { tenantId: a.tenantId, id: a.siteId } });

describe('the runtime client', () => {
  it('runs as the app role and, with no tenant bound, sees nothing', async () => {
    const [me] = await app.prisma.$queryRaw<{ current_user: string }[]>`select current_user`;
    expect(me?.current_user).toBe('tenantry_app');
    expect(await app.prisma.site.findMany()).toEqual([]);
    expect(await app.prisma.asset.count()).toBe(0);
  });
});

describe('withTenant', () => {
  it("reads only the bound tenant's rows", async () => {
    await withTenant(app.prisma, b.tenantId, async (tx) => {
      expect((await tx.site.findMany()).map((s) => s.id)).toEqual([b.siteId]);
      expect(await tx.site.findFirst({ where: { id: a.siteId } })).toBeNull();
      expect(await tx.site.findUnique({ where: siteOfA() })).toBeNull();
      expect(await tx.asset.count()).toBe(1);
      expect((await tx.tenant.findMany()).map((t) => t.id)).toEqual([b.tenantId]);
      // Relations follow the tenant-inclusive keys.
      const withBuildings = await tx.site.findMany({ include: { buildings: { include: { assets: true } } } });
      expect(withBuildings.flatMap((s) => s.buildings.flatMap((bl) => bl.assets.map((x) => x.id)))).toEqual([
        b.assetId,
      ]);
    });
  });

  it("cannot update or delete another tenant's rows", async () => {
    await withTenant(app.prisma, b.tenantId, async (tx) => {
      await expect(tx.site.update({ where: siteOfA(), data: { name: 'hijacked' } })).rejects.toMatchObject({
        code: 'P2025',
      });
      expect(await tx.site.updateMany({ where: { id: a.siteId }, data: { name: 'hijacked' } })).toEqual({
        count: 0,
      });
      expect(await tx.asset.deleteMany({ where: { id: a.assetId } })).toEqual({ count: 0 });
    });
    await withTenant(app.prisma, b.tenantId, async (tx) => {
      await expect(
        tx.asset.delete({ where: { tenantId_id: { tenantId: a.tenantId, id: a.assetId } } }),
      ).rejects.toMatchObject({ code: 'P2025' });
    });
    await withTenant(app.prisma, a.tenantId, async (tx) => {
      expect((await tx.site.findFirst({ where: { id: a.siteId } }))?.name).toBe('Site a');
      expect(await tx.asset.count({ where: { id: a.assetId } })).toBe(1);
    });
  });

  it('refuses to create rows for another tenant or to move a row between tenants', async () => {
    await withTenant(app.prisma, b.tenantId, async (tx) => {
      await expect(tx.site.create({ data: { tenantId: a.tenantId, name: 'planted' } })).rejects.toThrow(
        TenantScopeError,
      );
      await expect(
        tx.site.createMany({
          data: [
            { tenantId: b.tenantId, name: 'ok' },
            { tenantId: a.tenantId, name: 'planted' },
          ],
        }),
      ).rejects.toThrow(TenantScopeError);
      await expect(
        tx.site.update({
          where: { tenantId_id: { tenantId: b.tenantId, id: b.siteId } },
          data: { tenantId: a.tenantId },
        }),
      ).rejects.toThrow(TenantScopeError);
      await expect(tx.site.updateMany({ data: { tenantId: a.tenantId } })).rejects.toThrow(TenantScopeError);
    });
    await withTenant(app.prisma, a.tenantId, async (tx) => {
      expect(await tx.site.count()).toBe(1);
    });
  });

  it('rejects undefined in a filter instead of dropping the condition', async () => {
    await withTenant(app.prisma, b.tenantId, async (tx) => {
      await expect(tx.site.findMany({ where: { id: undefined } })).rejects.toThrow(/undefined/i);
      await expect(tx.asset.deleteMany({ where: { buildingId: undefined } })).rejects.toThrow(/undefined/i);
    });
    expect(await withTenant(app.prisma, b.tenantId, (tx) => tx.asset.count())).toBe(1);
  });

  it('refuses a missing or malformed tenant id, and the global auth tables', async () => {
    expect(() => scopeToTenant(app.prisma, '')).toThrow(TenantScopeError);
    expect(() => scopeToTenant(app.prisma, undefined as unknown as string)).toThrow(TenantScopeError);
    expect(() => scopeToTenant(app.prisma, "x' or true --")).toThrow(TenantScopeError);
    await withTenant(app.prisma, b.tenantId, async (tx) => {
      await expect(tx.session.findMany()).rejects.toThrow(TenantScopeError);
      await expect(tx.account.findMany()).rejects.toThrow(TenantScopeError);
    });
  });

  it('creates rows for its own tenant, stamped with it', async () => {
    const site = await withTenant(app.prisma, b.tenantId, (tx) =>
      tx.site.create({ data: { tenantId: b.tenantId, name: 'Second site' } }),
    );
    expect(site.tenantId).toBe(b.tenantId);
    expect(site.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // UUIDv7
    await withTenant(app.prisma, b.tenantId, (tx) =>
      tx.site.delete({ where: { tenantId_id: { tenantId: b.tenantId, id: site.id } } }),
    );
  });

  it('is one transaction: a failure rolls every write back', async () => {
    await expect(
      withTenant(app.prisma, b.tenantId, async (tx) => {
        await tx.site.create({ data: { tenantId: b.tenantId, name: 'doomed' } });
        throw new Error('injected failure');
      }),
    ).rejects.toThrow('injected failure');
    expect(
      await withTenant(app.prisma, b.tenantId, (tx) => tx.site.count({ where: { name: 'doomed' } })),
    ).toBe(0);
  });

  it('raw SQL inside it is still bound by RLS to the tenant', async () => {
    const rows = await withTenant(
      app.prisma,
      b.tenantId,
      (tx) => tx.$queryRaw<{ id: string }[]>`select id from sites`,
    );
    expect(rows.map((r) => r.id)).toEqual([b.siteId]);
  });

  it('a pool of one connection serving A then B leaks nothing to B', async () => {
    expect(await withTenant(app.prisma, a.tenantId, (tx) => tx.site.count())).toBe(1);
    const [setting] = await app.prisma.$queryRaw<
      { t: string | null }[]
    >`select current_setting('app.tenant_id', true) as t`;
    expect(setting?.t ?? '').toBe('');
    expect(await app.prisma.site.findMany()).toEqual([]);
    const seen = await withTenant(
      app.prisma,
      b.tenantId,
      (tx) => tx.$queryRaw<{ tenant_id: string }[]>`select tenant_id from sites`,
    );
    expect(seen.map((r) => r.tenant_id)).toEqual([b.tenantId]);
  });

  it('interleaved transactions of two tenants each see only their own rows', async () => {
    const runs = Array.from({ length: 10 }, (_, i) => {
      const t = i % 2 ? a : b;
      return withTenant(app.prisma, t.tenantId, async (tx) => ({
        expected: t.siteId,
        seen: (await tx.site.findMany()).map((s) => s.id),
      }));
    });
    for (const { expected, seen } of await Promise.all(runs)) expect(seen).toEqual([expected]);
  });
});

describe('the tenant-bound client alone, with RLS out of the way', () => {
  it("still keeps B away from A's rows on an owner connection", async () => {
    const other = await createTestDatabase();
    try {
      const a2 = await insertTenant(other.owner, 'a');
      const b2 = await insertTenant(other.owner, 'b');
      const owner = other.openOwnerPrisma();
      expect(await owner.site.count()).toBe(2); // RLS does not bind the owner
      const scoped = scopeToTenant(owner, b2.tenantId);
      expect((await scoped.site.findMany()).map((s) => s.id)).toEqual([b2.siteId]);
      expect(await scoped.site.findFirst({ where: { id: a2.siteId } })).toBeNull();
      expect(await scoped.site.updateMany({ where: { id: a2.siteId }, data: { name: 'x' } })).toEqual({
        count: 0,
      });
      await expect(scoped.site.create({ data: { tenantId: a2.tenantId, name: 'planted' } })).rejects.toThrow(
        TenantScopeError,
      );
      expect(await owner.site.count({ where: { tenantId: a2.tenantId } })).toBe(1);

      // withTenant's one client per Db takes each call's tenant from that call alone,
      // however the calls interleave (here nothing but that client scopes them).
      const runs = Array.from({ length: 10 }, (_, i) => {
        const t = i % 2 ? a2 : b2;
        return withTenant(owner, t.tenantId, async (tx) => {
          const first = (await tx.site.findMany()).map((s) => s.id);
          await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
          return { expected: [t.siteId], seen: [first, (await tx.site.findMany()).map((s) => s.id)] };
        });
      });
      for (const { expected, seen } of await Promise.all(runs)) expect(seen).toEqual([expected, expected]);
    } finally {
      await other.close();
    }
  });
});
