// Migrate once, clone per test. Booting PGlite (initdb in WebAssembly) costs
// 1.3–2 s and migrating adds more; loading a dump of an already migrated
// instance costs about 0.3 s. On PostgreSQL, CREATE DATABASE … TEMPLATE copies
// a migrated database in one statement. Both templates are keyed by a hash of
// the migrations, so a changed migration builds a new one, and both are shared
// by every worker and every concurrent run on the machine.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

import { MIGRATIONS_DIR, migrate, readMigrations } from '../migrate.ts';
import { pgliteOwner, postgresOwner } from '../owner.ts';
import { PGLITE_EXTENSIONS } from '../pglite-extensions.ts';

// pnpm's store path names the installed version.
const PGLITE_BUILD = createRequire(import.meta.url).resolve('@electric-sql/pglite');

/** Changes whenever a migration, or PGlite itself, does. */
export async function templateKey(dir = MIGRATIONS_DIR): Promise<string> {
  const { list } = await readMigrations(dir);
  const hash = createHash('sha256').update(PGLITE_BUILD);
  for (const m of list.migrationDirectories) {
    const sql = m.migrationFile.content.tag === 'ok' ? m.migrationFile.content.value : '';
    hash.update(`\0${m.path}\0${sql}`);
  }
  return hash.digest('hex').slice(0, 16);
}

const CACHE_DIR = join(tmpdir(), 'tenantry-test-templates');

// A dump per process: each test file loads it once.
let pgliteDump: Promise<Blob> | undefined;

/** The data directory of a migrated PGlite, as a tarball to pass to `loadDataDir`. */
export function pgliteTemplate(): Promise<Blob> {
  pgliteDump ??= loadOrBuildDump();
  return pgliteDump;
}

/** The migrated PGlite's dump as a file: built once, shared by every process on the machine. */
async function dumpFile(): Promise<string> {
  const file = join(CACHE_DIR, `pglite-${await templateKey()}.tar`);
  if (!existsSync(file)) {
    const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    try {
      await migrate(pgliteOwner(pglite));
      const dump = await pglite.dumpDataDir('none');
      await mkdir(CACHE_DIR, { recursive: true });
      // Written aside and renamed, so a concurrent reader never sees half a file.
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
      await rename(partial, file);
      await removeStaleDumps(file);
    } finally {
      await pglite.close();
    }
  }
  return file;
}

/** Dumps of older migrations (40 MB each) go once they are an hour old; a run still using one keeps it. */
async function removeStaleDumps(current: string): Promise<void> {
  for (const name of await readdir(CACHE_DIR)) {
    const path = join(CACHE_DIR, name);
    if (path === current || !name.startsWith('pglite-')) continue;
    const { mtimeMs } = await stat(path);
    if (Date.now() - mtimeMs > 60 * 60 * 1000) await rm(path, { force: true });
  }
}

async function loadOrBuildDump(): Promise<Blob> {
  return new Blob([await readFile(await dumpFile())]);
}

/**
 * A new folder holding a migrated PGlite data directory, for a server started
 * as its own process (PGLITE_DIR): it opens in about half a second instead of
 * running initdb and every migration. The caller removes the folder.
 */
export async function migratedPgliteDir(): Promise<string> {
  const file = await dumpFile();
  const dir = await mkdtemp(join(tmpdir(), 'tenantry-pglite-'));
  await promisify(execFile)('tar', ['-xf', file, '-C', dir]);
  return dir;
}

/**
 * The name of a migrated database on `serverUrl` to copy with CREATE DATABASE
 * … TEMPLATE, built on first use. Concurrent runs serialize on an advisory lock;
 * the template is built under a scratch name and renamed when complete, so a
 * run killed halfway leaves nothing that looks finished.
 */
export async function postgresTemplate(serverUrl: string): Promise<string> {
  const name = `tenantry_template_${await templateKey()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    if (await databaseExists(admin, name)) return name;
    await admin.query(`select pg_advisory_lock(hashtext('tenantry_template'))`);
    try {
      if (await databaseExists(admin, name)) return name;
      const building = `${name}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      const owner = postgresOwner(url.toString());
      try {
        await migrate(owner);
      } finally {
        await owner.close();
      }
      await admin.query(`alter database ${building} rename to ${name}`);
      return name;
    } finally {
      await admin.query(`select pg_advisory_unlock(hashtext('tenantry_template'))`);
    }
  } finally {
    await admin.end();
  }
}

async function databaseExists(admin: pg.Client, name: string): Promise<boolean> {
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  return rowCount === 1;
}
