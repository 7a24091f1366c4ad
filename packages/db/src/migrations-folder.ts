// Where the schema and its migrations live, and the reader of the migrations
// folder. Readiness (runtime) needs the folder's migration names but not the
// WASM schema engine, so this module imports nothing of it; migrate.ts builds
// on it. The engine's type is imported as a type only, which is erased.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';

import { DbError } from './errors.ts';

export const SCHEMA_PATH = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));
export const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

export const LOCKFILE = 'migration_lock.toml';

export interface Migrations {
  list: MigrationList;
  names: string[];
  dir: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migrations> {
  if (!existsSync(dir)) throw new DbError(`migrations folder not found: ${dir}`);
  const lockPath = join(dir, LOCKFILE);
  const lock = existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null;
  if (lock !== null && !/provider\s*=\s*"postgresql"/.test(lock)) {
    throw new DbError(`${LOCKFILE} must say provider = "postgresql"`);
  }
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = join(dir, name, 'migration.sql');
      if (!existsSync(file)) throw new DbError(`migration ${name} has no migration.sql`);
      const sql = await readFile(file, 'utf8');
      if (sql.includes('\uFFFD') || sql.includes('\0')) {
        throw new DbError(`migration ${name}: migration.sql is not valid UTF-8 text`);
      }
      return {
        path: name,
        migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: sql } },
      };
    }),
  );
  return {
    dir,
    names,
    list: {
      baseDir: dir,
      lockfile: { path: LOCKFILE, content: lock },
      shadowDbInitScript: '',
      migrationDirectories,
    },
  };
}
