// createDb(): the runtime database. Embedded PGlite by default, PostgreSQL when
// a URL is given. Either way Prisma's queries run as the app role, which row-
// level security binds (see prisma/migrations/*_roles_and_rls).
import { mkdir } from 'node:fs/promises';

import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

import { AUTH_ROLE, authClient } from './auth-client.ts';
import type { AuthDb } from './auth-client.ts';
import { readDbEnv } from './env.ts';
import { PrismaClient } from './generated/client.ts';
import { PGliteAdapterFactory } from './adapters.ts';
import { PGLITE_EXTENSIONS } from './pglite-extensions.ts';
import { pipelineBegin } from './pipelined-begin.ts';

export const APP_ROLE = 'tenantry_app';

export type Db = PrismaClient;

export interface Database {
  /** Prisma, running as the app role. Scope it with withTenant() before touching tenant data. */
  prisma: Db;
  /** better-auth's client, as tenantry_auth (auth-client.ts). */
  auth: AuthDb;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Connections in the pool. */
  max?: number;
  /** Connections in better-auth's pool (PostgreSQL). */
  authMax?: number;
  /** How long a query waits for a free connection before it fails (default 2 s). */
  acquireTimeoutMs?: number;
  /** PostgreSQL cancels a statement that runs longer (default 15 s). */
  statementTimeoutMs?: number;
}

/**
 * Where each role logs in as itself, e.g. through PgBouncer in transaction
 * mode, which cannot switch a connection's role at startup (docs/OPERATIONS.md).
 */
export interface RoleUrls {
  app: string;
  auth: string;
}

export type DbConfig =
  | { kind: 'pglite'; dataDir?: string; pglite?: PGlite; migrate?: boolean }
  | {
      kind: 'postgres';
      /** Logs in as the owner (migrations) and, without `roles`, switches each pool to its role. */
      url: string;
      roles?: RoleUrls;
      migrate?: boolean;
      pool?: PoolOptions;
    };

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite persisted under PGLITE_DIR (.data/). */
export function configFromEnv(env = readDbEnv()): DbConfig {
  return env.DATABASE_URL
    ? {
        kind: 'postgres',
        url: env.DATABASE_URL,
        roles:
          env.DATABASE_APP_URL && env.DATABASE_AUTH_URL
            ? { app: env.DATABASE_APP_URL, auth: env.DATABASE_AUTH_URL }
            : undefined,
        pool: {
          acquireTimeoutMs: env.DATABASE_ACQUIRE_TIMEOUT_MS,
          statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
        },
      }
    : { kind: 'pglite', dataDir: env.PGLITE_DIR };
}

/**
 * Opens the database. PGlite is migrated when opened (unless `migrate: false`);
 * PostgreSQL is migrated only when asked, since production deploys migrate as a
 * separate step (`pnpm db:migrate`).
 */
export async function createDb(config: DbConfig = configFromEnv()): Promise<Database> {
  return config.kind === 'pglite' ? openPglite(config) : openPostgres(config);
}

/** Opens PGlite in memory (`memory://`) or persisted in a folder, created if missing. */
export async function openPgliteAt(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  return PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS });
}

// The migration tooling (and through it the WASM schema engine) is loaded only
// when a database is migrated on open, never by merely importing the runtime.
async function migrateTools() {
  const [{ migrate }, { pgliteOwner, postgresOwner }] = await Promise.all([
    import('./migrate.ts'),
    import('./owner.ts'),
  ]);
  return { migrate, pgliteOwner, postgresOwner };
}

async function openPglite(config: Extract<DbConfig, { kind: 'pglite' }>): Promise<Database> {
  const pglite = config.pglite ?? (await openPgliteAt(config.dataDir ?? 'memory://'));
  if (config.migrate ?? true) {
    const { migrate, pgliteOwner } = await migrateTools();
    await migrate(pgliteOwner(pglite));
  }
  // PGlite is one connection: switching its role once binds every later query.
  await pglite.exec(`SET ROLE ${APP_ROLE}`);
  const prisma = new PrismaClient({ adapter: new PGliteAdapterFactory(pglite) });
  const owned = !config.pglite;
  return {
    prisma,
    auth: authClient(prisma),
    kind: 'pglite',
    close: async () => {
      await prisma.$disconnect();
      if (owned) await pglite.close();
    },
  };
}

async function openPostgres(config: Extract<DbConfig, { kind: 'postgres' }>): Promise<Database> {
  if (config.migrate) {
    const { migrate, postgresOwner } = await migrateTools();
    const owner = postgresOwner(config.url);
    try {
      await migrate(owner);
    } finally {
      await owner.close();
    }
  }
  // Every pooled connection logs in as its role, or switches to it as it opens.
  const pool = (role: string, loginUrl: string | undefined, max: number) => {
    const connections = new pg.Pool({
      connectionString: loginUrl ?? config.url,
      max,
      connectionTimeoutMillis: config.pool?.acquireTimeoutMs ?? 2_000,
      idleTimeoutMillis: 30_000,
      // A pooler refuses startup options; the role's own statement_timeout applies there.
      options: loginUrl
        ? undefined
        : `-c role=${role} -c statement_timeout=${config.pool?.statementTimeoutMs ?? 15_000}`,
      // Names the pool in pg_stat_activity (an operator's view, and what tests terminate).
      application_name: role,
      // Queries are written without waiting for the previous answer (pipelined-begin.ts).
      pipeline: true,
    });
    // A connection the server ends (a restart, pg_terminate_backend) raises 'error' on its
    // client, and an 'error' event nobody listens to would end the process. The pool drops a
    // broken client by itself and the call that used it fails (503), so each client keeps a
    // listener for its whole life, not only while the adapter holds it.
    connections.on('connect', (client) => {
      client.on('error', () => undefined);
      pipelineBegin(client);
    });
    connections.on('error', () => undefined);
    return new PrismaPg(connections, { disposeExternalPool: true });
  };
  const prisma = new PrismaClient({ adapter: pool(APP_ROLE, config.roles?.app, config.pool?.max ?? 10) });
  // better-auth's own few connections: sign-in and its session endpoints only.
  const authPrisma = new PrismaClient({
    adapter: pool(AUTH_ROLE, config.roles?.auth, config.pool?.authMax ?? 3),
  });
  if (config.roles) {
    await Promise.all([assertRole(prisma, APP_ROLE), assertRole(authPrisma, AUTH_ROLE)]);
  }
  return {
    prisma,
    auth: authClient(authPrisma, { role: 'bound' }),
    kind: 'postgres',
    close: async () => {
      await Promise.all([prisma.$disconnect(), authPrisma.$disconnect()]);
    },
  };
}

/**
 * A login URL that names the wrong user (a superuser, say) would run every query
 * past row-level security, so the server refuses to start on one.
 */
async function assertRole(prisma: Db, role: string): Promise<void> {
  const [row] = await prisma.$queryRaw<{ user: string }[]>`select current_user as "user"`;
  if (row?.user !== role) {
    throw new Error(`the ${role} database URL logs in as ${row?.user ?? 'nobody'}, not as ${role}`);
  }
}
