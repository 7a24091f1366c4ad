// What counts as "the database is briefly unavailable" (503), against a real
// PostgreSQL: a statement over statement_timeout, a pool with no connection
// free in time, an unreachable server; and what does not (a bad query).
import { createDb } from '@tenantry/db';
import { createTestDatabase } from '@tenantry/db/testing';
import type { TestDatabase } from '@tenantry/db/testing';
import { describe, expect, it } from 'vitest';

import { isDatabaseUnavailable } from './unavailable.ts';

/** The app's connections inside a transaction, as PostgreSQL sees them. */
async function transactionsOpen(db: TestDatabase): Promise<number> {
  const [row] = await db.owner.rows<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
      where application_name = 'tenantry_app' and xact_start is not null`,
  );
  return row?.n ?? 0;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('isDatabaseUnavailable', { tags: ['postgres'] }, () => {
  it('a statement cancelled by statement_timeout, and a pool with nothing free in time', async () => {
    const db = await createTestDatabase();
    const app = await db.openApp({ max: 1, acquireTimeoutMs: 300, statementTimeoutMs: 200 });
    try {
      expect(isDatabaseUnavailable(await failure(app.prisma.$executeRaw`select pg_sleep(1)`))).toBe(true);
      // The pool's one connection is busy for a while; the next query cannot get it in time.
      const busy = app.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`select pg_sleep(0.15)`;
        await tx.$executeRaw`select pg_sleep(0.15)`;
        await tx.$executeRaw`select pg_sleep(0.15)`;
      });
      // Once the transaction holds the one connection, the next query waits for it.
      await expect.poll(() => transactionsOpen(db)).toBe(1);
      const waiting = await failure(app.prisma.$queryRaw`select 1`);
      await busy;
      expect(isDatabaseUnavailable(waiting)).toBe(true);
      expect(isDatabaseUnavailable(await failure(app.prisma.$queryRaw`select nope from nowhere`))).toBe(
        false,
      );
    } finally {
      await app.close();
      await db.close();
    }
  });

  it('a server that cannot be reached', async () => {
    const app = await createDb({
      kind: 'postgres',
      url: 'postgresql://postgres@127.0.0.1:1/none',
      pool: { acquireTimeoutMs: 500 },
    });
    try {
      expect(isDatabaseUnavailable(await failure(app.prisma.$queryRaw`select 1`))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('nothing else', () => {
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable({ code: 'P2002' })).toBe(false);
  });
});
