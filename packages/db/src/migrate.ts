// Migrations in Prisma's folder layout, applied and diffed by Prisma's WASM
// schema engine. Each migration folder holds migration.sql (up) and down.sql.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { EngineAdapterFactory } from './adapters.ts';
import type { EngineSession } from './engine.ts';
import { DbError, explain } from './errors.ts';
import { LOCKFILE, MIGRATIONS_DIR, readMigrations, SCHEMA_PATH } from './migrations-folder.ts';
import type { OwnerConnection } from './owner.ts';

export { MIGRATIONS_DIR, readMigrations, SCHEMA_PATH } from './migrations-folder.ts';
export type { Migrations } from './migrations-folder.ts';

const NO_FILTER = { externalTables: [], externalEnums: [] };

// The engine (its JS glue, and the WASM when first used) loads only when a
// command needs it: importing the tooling entry, as the server does for the
// demo seed, does not load it.
type Schema = { path: string; content: string };
const openEngine = async (factory: EngineAdapterFactory, schema: Schema): Promise<EngineSession> =>
  (await import('./engine.ts')).openEngine(factory, schema);
const openScratchEngine = async (schema: Schema): Promise<EngineSession> =>
  (await import('./engine.ts')).openScratchEngine(schema);

async function readSchema(path = SCHEMA_PATH): Promise<Schema> {
  return { path: 'schema.prisma', content: await readFile(path, 'utf8') };
}

/** Applies pending migrations, as `prisma migrate deploy` does. Returns their names. */
export async function migrate(owner: OwnerConnection, dir = MIGRATIONS_DIR): Promise<string[]> {
  // Up to date (every start of an already migrated database): one query, and the
  // engine is not loaded at all. Anything pending or failed goes to the engine.
  const before = await status(owner, dir);
  if (!before.pending.length && !before.failed.length) return [];
  const migrations = await readMigrations(dir);
  const { engine, close } = await openEngine(owner.factory, await readSchema()).catch(explain);
  try {
    const out = await engine
      .applyMigrations({ migrationsList: migrations.list, filters: NO_FILTER })
      .catch(explain);
    return out.appliedMigrationNames;
  } finally {
    await close();
  }
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  failed: string[];
}

/** Reads `_prisma_migrations` and compares it with the folder. */
export async function status(owner: OwnerConnection, dir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const { names } = await readMigrations(dir);
  const [table] = await owner
    .rows<{ t: string | null }>(`select to_regclass('public._prisma_migrations')::text as t`)
    .catch(explain);
  if (!table?.t) return { applied: [], pending: names, failed: [] };
  const rows = await owner
    .rows<{ migration_name: string; finished_at: Date | null }>(
      `select migration_name, finished_at from _prisma_migrations
        where rolled_back_at is null order by started_at`,
    )
    .catch(explain);
  const applied = rows.filter((r) => r.finished_at).map((r) => r.migration_name);
  const failed = rows.filter((r) => !r.finished_at).map((r) => r.migration_name);
  return { applied, pending: names.filter((n) => !applied.includes(n)), failed };
}

/** Reverts the last applied migration with its down.sql. Returns its name, or null. */
export async function rollback(owner: OwnerConnection, dir = MIGRATIONS_DIR): Promise<string | null> {
  const { applied } = await status(owner, dir);
  const last = applied.at(-1);
  if (!last) return null;
  const downPath = join(dir, last, 'down.sql');
  if (!existsSync(downPath)) throw new DbError(`migration ${last} has no down.sql`);
  const down = await readFile(downPath, 'utf8');
  // One simple-protocol script runs as one implicit transaction: all or nothing.
  await owner
    .exec(`${down}\n;delete from _prisma_migrations where migration_name = '${last.replace(/'/g, "''")}';`)
    .catch(explain);
  return last;
}

/** Drops everything in the schema, then applies every migration. */
export async function reset(owner: OwnerConnection, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { engine, close } = await openEngine(owner.factory, await readSchema()).catch(explain);
  try {
    await engine.reset({ filter: NO_FILTER }).catch(explain);
  } finally {
    await close();
  }
  return migrate(owner, dir);
}

export interface Plan {
  up: string;
  down: string;
}

/** The SQL that would bring the migrations up to the schema, and back; null when they match. */
export async function plan(dir = MIGRATIONS_DIR, schemaPath = SCHEMA_PATH): Promise<Plan | null> {
  const migrations = await readMigrations(dir);
  const schema = await readSchema(schemaPath);
  const { engine, close } = await openScratchEngine(schema).catch(explain);
  try {
    const fromMigrations = { tag: 'migrations' as const, ...migrations.list };
    const toSchema = { tag: 'schemaDatamodel' as const, files: [schema] };
    const up = await engine
      .diff({ from: fromMigrations, to: toSchema, script: true, exitCode: true, filters: NO_FILTER })
      .catch(explain);
    if (up.exitCode !== 2) return null;
    const down = await engine
      .diff({ from: toSchema, to: fromMigrations, script: true, exitCode: true, filters: NO_FILTER })
      .catch(explain);
    return { up: scriptOf(up), down: scriptOf(down) };
  } finally {
    await close();
  }
}

function scriptOf(result: unknown): string {
  const stdout = (result as { stdout?: unknown }).stdout;
  return typeof stdout === 'string' ? stdout : '';
}

/** Writes the next migration folder (up and down) from the schema's diff. */
export async function createMigration(
  name: string,
  { dir = MIGRATIONS_DIR, schemaPath = SCHEMA_PATH, now = new Date() } = {},
): Promise<string | null> {
  if (!/^[a-z0-9_]{1,60}$/.test(name)) {
    throw new DbError('migration name must be 1-60 characters of a-z, 0-9 and _');
  }
  await mkdir(dir, { recursive: true });
  if (!existsSync(join(dir, LOCKFILE))) {
    await writeFile(join(dir, LOCKFILE), 'provider = "postgresql"\n');
  }
  const next = await plan(dir, schemaPath);
  if (!next) return null;
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = `${stamp}_${name}`;
  await mkdir(join(dir, folder));
  await writeFile(join(dir, folder, 'migration.sql'), next.up);
  await writeFile(join(dir, folder, 'down.sql'), next.down);
  return folder;
}
