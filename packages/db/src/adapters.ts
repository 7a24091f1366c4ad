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

import { scratchPglite } from './scratch-pglite.ts';

interface PostgresError {
  code: string;
  severity: string;
  message: string;
  detail?: string;
  column?: string;
  hint?: string;
}

function isPostgresError(error: unknown): error is PostgresError {
  const e = error as Partial<PostgresError> | null;
  return typeof e?.code === 'string' && typeof e.severity === 'string' && typeof e.message === 'string';
}

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

async function connectPglite(pglite: PGlite, owned: boolean): Promise<SqlDriverAdapter> {
  const adapter = runningWholeScripts(await new PrismaPGlite(pglite).connect(), (s) => pglite.exec(s));
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
