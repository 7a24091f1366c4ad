// Driver-adapter factories for Prisma's schema engine. Both stock adapters
// mishandle multi-statement migration scripts: pglite-prisma-adapter does not
// await PGlite (a failing script is reported as applied), and @prisma/adapter-pg
// splits the script on semicolons (which breaks DO $$ … $$ blocks). Here each
// script runs whole, through the simple query protocol, as one implicit
// transaction.
//
// The engine never disposes what it connects, and it holds a session-level
// advisory lock while migrating; release() closes those connections so the
// next engine does not wait on a lock held by an idle pooled connection.
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

import { isPostgresError, toDriverError } from './driver-errors.ts';
import { scratchPglite } from './scratch-pglite.ts';

function runningWholeScripts(
  adapter: SqlDriverAdapter,
  run: (script: string) => Promise<unknown>,
): SqlDriverAdapter {
  adapter.executeScript = async (script) => {
    try {
      await run(script);
    } catch (error) {
      // In the adapter's own error shape, so the engine reports the database's message.
      if (!isPostgresError(error)) throw error;
      const { code, severity, message, detail, column, hint } = error;
      throw new DriverAdapterError({ kind: 'postgres', code, severity, message, detail, column, hint });
    }
  };
  return adapter;
}

/**
 * pglite-prisma-adapter (0.7) loses an error raised by COMMIT itself, such as a
 * deferred constraint trigger's: PGlite rolls the transaction back, yet the
 * adapter's commit() resolves, and the caller is told its write succeeded.
 * This keeps each PGlite transaction's own outcome, found through the PGlite
 * transaction the adapter's transaction wraps, and commit() rethrows it.
 */
function surfacingCommitErrors(pglite: PGlite, adapter: SqlDriverAdapter): SqlDriverAdapter {
  const outcomes = new WeakMap<object, Promise<unknown>>();
  const client = new Proxy(pglite, {
    get(target, prop) {
      if (prop === 'transaction') {
        return <T>(fn: (tx: object) => Promise<T>) => {
          let settle: (p: Promise<unknown>) => void = () => undefined;
          const outcome = new Promise<Promise<unknown>>((resolve) => (settle = resolve)).then((p) => p);
          outcome.catch(() => undefined); // read by commit(); a rollback's outcome is nobody's business
          const run = target.transaction(async (tx) => {
            outcomes.set(tx, outcome);
            // PGlite runs in the server's own thread, so a queue of transactions keeps the event
            // loop busy from one to the next, and it accepts one new connection per turn: under
            // load, a request on a new connection waited for a whole batch per turn (p99 8× p50).
            // Yielding a turn as each transaction starts lets the server accept and read between
            // transactions, so requests are served in the order they came.
            await new Promise((resolve) => setImmediate(resolve));
            return fn(tx);
          });
          settle(run);
          return run;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const inner = (adapter as unknown as { client: PGlite }).client;
  if (inner !== pglite) throw new Error('pglite-prisma-adapter changed: review surfacingCommitErrors');
  (adapter as unknown as { client: PGlite }).client = client;
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const tx = await start(isolationLevel);
    const outcome = outcomes.get((tx as unknown as { client: object }).client);
    if (!outcome) throw new Error('pglite-prisma-adapter changed: review surfacingCommitErrors');
    const commit = tx.commit.bind(tx);
    tx.commit = async () => {
      await commit();
      await outcome.catch((error: unknown) => {
        throw toDriverError(error);
      });
    };
    return tx;
  };
  return adapter;
}

async function connectPglite(pglite: PGlite, owned: boolean): Promise<SqlDriverAdapter> {
  const adapter = runningWholeScripts(
    surfacingCommitErrors(pglite, await new PrismaPGlite(pglite).connect()),
    (s) => pglite.exec(s),
  );
  if (owned) adapter.dispose = () => pglite.close();
  return adapter;
}

export interface EngineAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Closes every connection the engine opened through this factory. */
  release(): Promise<void>;
}

export class PGliteAdapterFactory implements EngineAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = 'tenantry-pglite';
  private shadows: PGlite[] = [];
  private switchedFrom: string | null = null;

  constructor(
    private readonly pglite: PGlite,
    /** Run as the session's own (owner) role, even if the runtime switched the connection to the app role. */
    private readonly asOwner = false,
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    if (this.asOwner && this.switchedFrom === null) {
      const { rows } = await this.pglite.query<{ current: string; session: string }>(
        'select current_user as current, session_user as session',
      );
      const role = rows[0];
      if (role && role.current !== role.session) {
        // PGlite is one connection: the owner's work borrows it, and release() hands it back.
        this.switchedFrom = role.current;
        await this.pglite.exec('reset role');
      }
    }
    return connectPglite(this.pglite, false);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = await scratchPglite();
    this.shadows.push(shadow);
    return connectPglite(shadow, true);
  }

  async release(): Promise<void> {
    const shadows = this.shadows.splice(0);
    await Promise.all(shadows.filter((s) => !s.closed).map((s) => s.close()));
    await this.pglite.query('select pg_advisory_unlock_all()');
    if (this.switchedFrom) {
      await this.pglite.exec(`set role ${this.switchedFrom}`);
      this.switchedFrom = null;
    }
  }
}

export class PostgresMigrationAdapterFactory implements EngineAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = 'tenantry-pg';
  private readonly inner: PrismaPg;
  private pools: pg.Pool[] = [];

  constructor(config: pg.PoolConfig) {
    this.inner = new PrismaPg(config);
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await this.inner.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.track(await this.inner.connectToShadowDb());
  }

  private track(adapter: Awaited<ReturnType<PrismaPg['connect']>>): SqlDriverAdapter {
    const pool = adapter.underlyingDriver();
    this.pools.push(pool);
    return runningWholeScripts(adapter, (s) => pool.query(s));
  }

  async release(): Promise<void> {
    const pools = this.pools.splice(0);
    await Promise.all(pools.filter((p) => !p.ended).map((p) => p.end()));
  }
}
