// BEGIN answered at once and written beside the statement after it
// (pipelined-begin.ts), on a PostgreSQL connection watched at the wire.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pipelineBegin } from './pipelined-begin.ts';
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
