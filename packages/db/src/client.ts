// createDb(): the runtime database. Embedded PGlite by default, PostgreSQL when
// a URL is given. Either way Prisma's queries run as the app role, which row-
// level security binds (see prisma/migrations/*_roles_and_rls).
import { mkdir } from 'node:fs/promises';

import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';

import { readDbEnv } from './env.ts';
import { PrismaClient } from './generated/client.ts';
import { PGliteAdapterFactory } from './adapters.ts';

export const APP_ROLE = 'tenantry_app';

export type Db = PrismaClient;

export interface Database {
  /** Prisma, running as the app role. Scope it with withTenant() before touching tenant data. */
  prisma: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Connections in the pool. */
  max?: number;
  /** How long a query waits for a free connection before it fails. */
  acquireTimeoutMs?: number;
}

export type DbConfig =
  | { kind: 'pglite'; dataDir?: string; pglite?: PGlite; migrate?: boolean }
  | { kind: 'postgres'; url: string; migrate?: boolean; pool?: PoolOptions };

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite persisted under PGLITE_DIR (.data/). */
export function configFromEnv(env = readDbEnv()): DbConfig {
  return env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL }
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
  return PGlite.create(dataDir);
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
  const adapter = new PrismaPg({
    connectionString: config.url,
    max: config.pool?.max ?? 10,
    connectionTimeoutMillis: config.pool?.acquireTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    // Every pooled connection switches to the app role as it opens.
    options: `-c role=${APP_ROLE}`,
  });
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    kind: 'postgres',
    close: () => prisma.$disconnect(),
  };
}
