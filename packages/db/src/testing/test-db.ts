// Throwaway databases for tests: in-memory PGlite by default, or a fresh
// database on the PostgreSQL server named by TEST_DATABASE_URL.
import { randomBytes } from 'node:crypto';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

import { AUTH_ROLE } from '../auth-client.ts';
import { APP_ROLE, createDb, openPgliteAt } from '../client.ts';
import type { Database, Db, PoolOptions, RoleUrls } from '../client.ts';
import { PGliteAdapterFactory } from '../adapters.ts';
import { PrismaClient } from '../generated/client.ts';
import { PrismaPg } from '@prisma/adapter-pg';
import { MIGRATIONS_DIR, migrate } from '../migrate.ts';
import { pgliteOwner, postgresOwner } from '../owner.ts';
import { PGLITE_EXTENSIONS } from '../pglite-extensions.ts';
import type { OwnerConnection } from '../owner.ts';
import { pgliteTemplate, postgresTemplate } from './template.ts';

/** The PostgreSQL server tests use, if any. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/**
 * PgBouncer in transaction mode in front of that server, if any (`.ci/run`
 * starts one). Only the PostgreSQL run uses it.
 */
export const TEST_PGBOUNCER_URL = (TEST_DATABASE_URL && process.env.TEST_PGBOUNCER_URL) || undefined;

/** A test database's URLs through PgBouncer, where each role logs in as itself. */
export function throughPgBouncer(databaseUrl: string): RoleUrls {
  if (!TEST_PGBOUNCER_URL) throw new Error('TEST_PGBOUNCER_URL is not set');
  const as = (role: string) => {
    const url = new URL(TEST_PGBOUNCER_URL);
    url.username = role;
    url.password = '';
    url.pathname = new URL(databaseUrl).pathname;
    return url.toString();
  };
  return { app: as(APP_ROLE), auth: as(AUTH_ROLE) };
}

export interface TestDatabase {
  kind: 'pglite' | 'postgres';
  /** Connected as the schema owner (a superuser): RLS does not apply to it. */
  owner: OwnerConnection;
  /**
   * Runs `sql` in one transaction as the app role, with app.tenant_id set when
   * `tenantId` is given, and returns its rows. Nothing but the database's own
   * rules (grants and RLS) stands between the query and the data.
   */
  asApp<T = Record<string, unknown>>(sql: string, params?: unknown[], tenantId?: string): Promise<T[]>;
  /** Like asApp, as better-auth's role. */
  asAuth<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Opens the runtime client (Prisma as the app role). On PostgreSQL `through`
   * is another URL to the same database, e.g. a round-trip counting proxy's, or
   * one URL per role (throughPgBouncer).
   */
  openApp(pool?: PoolOptions, through?: Through): Promise<Database>;
  /**
   * Opens Prisma as the owner, whom RLS does not bind: for proving the
   * tenant-bound client alone. On PGlite, do not combine it with openApp().
   */
  openOwnerPrisma(): Db;
  /** Postgres only: the database's URL. */
  url?: string;
  close(): Promise<void>;
}

/** Another way to reach a test database: one URL, or one per role. */
export type Through = string | RoleUrls;

export interface TestDatabaseOptions {
  /**
   * Apply the migrations (default true). The real migrations come from a
   * template migrated once per run; another folder is migrated here.
   */
  migrate?: boolean;
  migrationsDir?: string;
}

/** Whether to copy the migrated template rather than migrate from empty. */
const fromTemplate = (options: TestDatabaseOptions) =>
  (options.migrate ?? true) &&
  (options.migrationsDir === undefined || options.migrationsDir === MIGRATIONS_DIR);

/** The statements that make the rest of a transaction run as `role`, bound to a tenant. */
function prelude(role: string, tenantId: string | undefined): { sql: string; params: unknown[] }[] {
  const prelude = [{ sql: `set local role ${role}`, params: [] as unknown[] }];
  if (tenantId) prelude.push({ sql: `select set_config('app.tenant_id', $1, true)`, params: [tenantId] });
  return prelude;
}

async function pgliteTestDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  const pglite: PGlite = fromTemplate(options)
    ? await PGlite.create({ loadDataDir: await pgliteTemplate(), extensions: PGLITE_EXTENSIONS })
    : await openPgliteAt('memory://');
  const owner = pgliteOwner(pglite);
  if ((options.migrate ?? true) && !fromTemplate(options)) await migrate(owner, options.migrationsDir);
  let app: Database | undefined;
  const prismas: Db[] = [];
  const run = <T>(role: string, sql: string, params: unknown[], tenantId?: string) =>
    pglite.transaction(async (tx) => {
      for (const step of prelude(role, tenantId)) await tx.query(step.sql, step.params);
      return (await tx.query<T>(sql, params)).rows;
    });
  return {
    kind: 'pglite',
    owner,
    asApp: <T>(sql: string, params: unknown[] = [], tenantId?: string) =>
      run<T>(APP_ROLE, sql, params, tenantId),
    asAuth: <T>(sql: string, params: unknown[] = []) => run<T>(AUTH_ROLE, sql, params),
    // PGlite is one connection: the runtime client switches it to the app role
    // for good (owner calls still run as the owner; see pgliteOwner).
    openApp: async () => {
      app = await createDb({ kind: 'pglite', pglite, migrate: false });
      return app;
    },
    openOwnerPrisma: () => {
      const prisma = new PrismaClient({ adapter: new PGliteAdapterFactory(pglite) });
      prismas.push(prisma);
      return prisma;
    },
    close: async () => {
      await app?.close();
      await Promise.all(prismas.map((p) => p.$disconnect()));
      await pglite.close();
    },
  };
}

async function postgresTestDatabase(serverUrl: string, options: TestDatabaseOptions): Promise<TestDatabase> {
  // The creator's pid is in the name, so a later run can tell what a dead one left behind.
  const name = `tenantry_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = fromTemplate(options) ? await postgresTemplate(serverUrl) : undefined;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const owner = postgresOwner(url.toString());
  if ((options.migrate ?? true) && !template) await migrate(owner, options.migrationsDir);
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  const apps: Database[] = [];
  const prismas: Db[] = [];
  const run = async <T>(role: string, sql: string, params: unknown[], tenantId?: string) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      for (const step of prelude(role, tenantId)) await client.query(step.sql, step.params);
      const rows = (await client.query(sql, params)).rows as T[];
      await client.query('commit');
      return rows;
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    kind: 'postgres',
    url: url.toString(),
    owner,
    asApp: <T>(sql: string, params: unknown[] = [], tenantId?: string) =>
      run<T>(APP_ROLE, sql, params, tenantId),
    asAuth: <T>(sql: string, params: unknown[] = []) => run<T>(AUTH_ROLE, sql, params),
    openApp: async (poolOptions, through) => {
      const app = await createDb({
        kind: 'postgres',
        url: typeof through === 'string' ? through : url.toString(),
        roles: typeof through === 'object' ? through : undefined,
        pool: poolOptions,
      });
      apps.push(app);
      return app;
    },
    openOwnerPrisma: () => {
      const prisma = new PrismaClient({
        adapter: new PrismaPg({ connectionString: url.toString(), max: 2 }),
      });
      prismas.push(prisma);
      return prisma;
    },
    close: async () => {
      await Promise.all(apps.map((a) => a.close()));
      await Promise.all(prismas.map((p) => p.$disconnect()));
      await pool.end();
      await owner.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  return TEST_DATABASE_URL ? postgresTestDatabase(TEST_DATABASE_URL, options) : pgliteTestDatabase(options);
}
