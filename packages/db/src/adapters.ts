// Driver-adapter factories for Prisma's schema engine. Both stock adapters
// mishandle multi-statement migration scripts: pglite-prisma-adapter does not
// await PGlite (a failing script is reported as applied), and @prisma/adapter-pg
// splits the script on semicolons (which breaks DO $$ … $$ blocks). Here each
// script runs whole, through the simple query protocol, as one implicit
// transaction.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

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

export class PGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = 'tenantry-pglite';

  constructor(private readonly pglite: PGlite) {}

  connect(): Promise<SqlDriverAdapter> {
    return connectPglite(this.pglite, false);
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return connectPglite(new PGlite(), true);
  }
}

export class PostgresMigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = 'tenantry-pg';
  private readonly inner: PrismaPg;

  constructor(config: pg.PoolConfig) {
    this.inner = new PrismaPg(config);
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connect();
    const pool = adapter.underlyingDriver();
    return runningWholeScripts(adapter, (s) => pool.query(s));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connectToShadowDb();
    const pool = adapter.underlyingDriver();
    return runningWholeScripts(adapter, (s) => pool.query(s));
  }
}
