// BEGIN answered at once and written beside the statement after it
// (pipelined-begin.ts), on a PostgreSQL connection watched at the wire; and a
// tenant call's opening statement sent that way instead of through Prisma.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { APP_ROLE } from './client.ts';
import { Prisma, PrismaClient } from './generated/client.ts';
import { pipelineBegin } from './pipelined-begin.ts';
import { withTenantOf } from './tenant.ts';
import { insertTenant } from './testing/fixtures.ts';
import { startWireCounter } from './testing/wire-counter.ts';
import type { WireCounter } from './testing/wire-counter.ts';
import { createTestDatabase } from './testing/test-db.ts';
import type { TestDatabase } from './testing/test-db.ts';

describe('pipelined BEGIN', { tags: ['postgres'] }, () => {
  let db: TestDatabase;
  let counter: WireCounter;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    counter = await startWireCounter(db.url ?? '');
    pool = new pg.Pool({ connectionString: counter.url, max: 1, pipeline: true });
    pool.on('connect', pipelineBegin);
  });
  afterAll(async () => {
    await pool.end();
    await counter.close();
    await db.close();
  });

  const setting = async (client: pg.PoolClient) =>
    (await client.query<{ v: string | null }>(`select current_setting('x.pipelined', true) as v`)).rows[0]?.v;

  it('goes out in one write with the statement after it, which runs in the transaction', async () => {
    const client = await pool.connect();
    try {
      counter.reset();
      await client.query('BEGIN');
      await client.query(`select set_config('x.pipelined', $1, true)`, ['inside']);
      expect({ roundTrips: counter.roundTrips(), waits: counter.waits() }).toEqual({
        roundTrips: 2,
        waits: 1,
      });
      expect(await setting(client)).toBe('inside');
      await client.query('COMMIT');
      expect(await setting(client)).toBe('');
    } finally {
      client.release();
    }
  });

  it('still goes out when nothing follows it', async () => {
    const client = await pool.connect();
    try {
      const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
      await client.query('BEGIN');
      await new Promise((resolve) => setTimeout(resolve, 50));
      const [row] = await db.owner.rows<{ state: string }>(
        `select state from pg_stat_activity where pid = ${String(pid)}`,
      );
      expect(row?.state).toBe('idle in transaction');
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });

  it('fails the statement after it when it fails itself', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await expect(client.query('select 1 / 0')).rejects.toThrow(/division by zero/);
      // In an aborted transaction BEGIN fails too, and the statement after it reports that.
      await client.query('BEGIN');
      await expect(client.query('select 1')).rejects.toThrow(/current transaction is aborted/);
      await client.query('ROLLBACK');
      expect((await client.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      client.release();
    }
  });
});

describe("a tenant call's opening statement", { tags: ['postgres'] }, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  /** Binds a call to the tenant by setting app.tenant_id, which its row reads back. */
  const setTenant = <V>(tenantId: string, value: V) => ({
    statement: Prisma.sql`select set_config('app.tenant_id', ${tenantId}, true) as bound`,
    read: (rows: unknown[]) => ({ tenantId: (rows[0] as { bound: string }).bound, value }),
  });

  /** Prisma on app-role connections, pipelined or not, with the SQL Prisma itself runs. */
  function appPrisma(pipelined: boolean) {
    const pool = new pg.Pool({
      connectionString: db.url,
      max: 2,
      options: `-c role=${APP_ROLE}`,
      pipeline: pipelined,
    });
    if (pipelined) pool.on('connect', pipelineBegin);
    const prisma = new PrismaClient({
      adapter: new PrismaPg(pool, { disposeExternalPool: true }),
      log: [{ emit: 'event', level: 'query' }],
    });
    const run: string[] = [];
    prisma.$on('query', (event) => run.push(event.query));
    return { prisma, run };
  }

  it.each([
    ['goes out with BEGIN, past Prisma, on a pipelined pool', true],
    ['is the first query Prisma runs otherwise', false],
  ])('%s', async (_name, pipelined) => {
    const a = await insertTenant(db.owner, pipelined ? 'p' : 'q');
    const { prisma, run } = appPrisma(pipelined);
    try {
      const seen = await withTenantOf(prisma, setTenant(a.tenantId, 'bound'), async (tx, value) => ({
        value,
        sites: (await tx.site.findMany()).map((s) => s.id),
      }));
      expect(seen).toEqual({ value: 'bound', sites: [a.siteId] });
      expect(run.some((sql) => sql.includes('set_config'))).toBe(!pipelined);
      expect(run.some((sql) => sql.includes('"sites"'))).toBe(true);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('binds each of many concurrent calls to its own tenant, two connections between them', async () => {
    const tenants = [await insertTenant(db.owner, 'r'), await insertTenant(db.owner, 's')];
    const { prisma } = appPrisma(true);
    try {
      const calls = Array.from({ length: 20 }, (_, i) => {
        const t = tenants[i % 2];
        if (!t) throw new Error('no tenant');
        return withTenantOf(prisma, setTenant(t.tenantId, t.tenantId), async (tx, asked) => {
          await new Promise((resolve) => setTimeout(resolve, i % 3));
          const [row] = await tx.$queryRaw<{ t: string }[]>`select current_setting('app.tenant_id') as t`;
          return { asked, connection: row?.t, sites: (await tx.site.findMany()).map((s) => s.tenantId) };
        });
      });
      for (const { asked, connection, sites } of await Promise.all(calls)) {
        expect({ connection, sites }).toEqual({ connection: asked, sites: [asked] });
      }
    } finally {
      await prisma.$disconnect();
    }
  });
});
