// Through PgBouncer in transaction mode (TEST_PGBOUNCER_URL, started by .ci/run
// with one server connection per pool): each role logs in as itself, and a
// transaction bound to one tenant leaves nothing behind on the server
// connection that the next client's transaction gets. This is the class of bug
// where a pooler hands one customer's session state to another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDb } from './client.ts';
import type { Database } from './client.ts';
import { withTenant } from './tenant.ts';
import { insertTenant } from './testing/fixtures.ts';
import type { TenantRows } from './testing/fixtures.ts';
import { createTestDatabase, throughPgBouncer } from './testing/test-db.ts';
import type { TestDatabase } from './testing/test-db.ts';

interface Connection {
  pid: number;
  role: string;
  tenant: string | null;
  sites: number;
}

/** What a transaction sees before it binds anything: its server connection, role and tenant. */
async function unbound(app: Database): Promise<Connection> {
  const [row] = await app.prisma.$queryRaw<Connection[]>`
    select pg_backend_pid() as pid, current_user as role,
           nullif(current_setting('app.tenant_id', true), '') as tenant,
           (select count(*)::int from sites) as sites`;
  if (!row) throw new Error('no row');
  return row;
}

describe('through PgBouncer in transaction mode', { tags: ['pgbouncer'] }, () => {
  let db: TestDatabase;
  let a: TenantRows;
  let b: TenantRows;
  // Two clients of the pooler, as two server instances would be.
  let first: Database;
  let second: Database;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await insertTenant(db.owner, 'a');
    b = await insertTenant(db.owner, 'b');
    const through = throughPgBouncer(db.url ?? '');
    first = await db.openApp({ max: 2, acquireTimeoutMs: 60_000 }, through);
    second = await db.openApp({ max: 2, acquireTimeoutMs: 60_000 }, through);
  });
  afterAll(() => db.close());

  it('each role logs in as itself, with its statement_timeout', async () => {
    const [app] = await first.prisma.$queryRaw<{ role: string; timeout: string }[]>`
      select current_user as role, current_setting('statement_timeout') as timeout`;
    expect(app).toEqual({ role: 'tenantry_app', timeout: '15s' });
    const [auth] = await first.auth.$queryRaw<{ role: string }[]>`select current_user as role`;
    expect(auth).toEqual({ role: 'tenantry_auth' });
  });

  it("the next client's transaction on the same server connection sees no tenant", async () => {
    const bound = await withTenant(first.prisma, a.tenantId, async (tx) => {
      const [row] = await tx.$queryRaw<{ pid: number }[]>`select pg_backend_pid() as pid`;
      return { pid: row?.pid, sites: await tx.site.count() };
    });
    expect(bound.sites).toBe(1);

    const next = await unbound(second);
    expect(next.pid).toBe(bound.pid);
    expect(next).toMatchObject({ role: 'tenantry_app', tenant: null, sites: 0 });
  });

  it('a transaction that fails after binding leaves nothing behind either', async () => {
    let pid: number | undefined;
    await expect(
      withTenant(first.prisma, a.tenantId, async (tx) => {
        const [row] = await tx.$queryRaw<{ pid: number }[]>`select pg_backend_pid() as pid`;
        pid = row?.pid;
        await tx.$executeRaw`select 1 / 0`;
      }),
    ).rejects.toThrow();

    const next = await unbound(second);
    expect(next.pid).toBe(pid);
    expect(next).toMatchObject({ tenant: null, sites: 0 });
  });

  it('many clients binding different tenants at once each see only their own', async () => {
    const reads = Array.from({ length: 20 }, (_, i) => {
      const tenantId = i % 2 ? a.tenantId : b.tenantId;
      const client = i % 3 ? first : second;
      // One server connection serves them all in turn: a transaction may wait for it a while.
      return withTenant(
        client.prisma,
        tenantId,
        async (tx) => ({
          tenantId,
          seen: (await tx.site.findMany({ select: { tenantId: true } })).map((s) => s.tenantId),
          raw: await tx.$queryRaw<{ tenant_id: string }[]>`select tenant_id from sites`,
        }),
        { maxWait: 60_000, timeout: 60_000 },
      );
    });
    for (const { tenantId, seen, raw } of await Promise.all(reads)) {
      expect(seen).toEqual([tenantId]);
      expect(raw.map((r) => r.tenant_id)).toEqual([tenantId]);
    }
    expect(await unbound(second)).toMatchObject({ tenant: null, sites: 0 });
  });

  it('refuses to start on a role URL that logs in as another user', async () => {
    const url = db.url ?? '';
    const through = throughPgBouncer(url);
    const superuser = new URL(through.app);
    superuser.username = 'postgres';
    await expect(
      createDb({ kind: 'postgres', url, roles: { app: superuser.toString(), auth: through.auth } }),
    ).rejects.toThrow('the tenantry_app database URL logs in as postgres, not as tenantry_app');
  });
});
