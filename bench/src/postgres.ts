// The PostgreSQL database the bench measures: DATABASE_URL, or a database of
// its own on the local server (created if missing), migrated with the
// project's own tooling as every deploy is.
import { migrate, postgresOwner } from '@tenantry/db/tooling';
import pg from 'pg';

export const LOCAL_SERVER = 'postgresql://postgres@127.0.0.1:5432';
export const BENCH_DATABASE = 'tenantry_bench';
/** better-auth's tables for the peer server live in a database of their own. */
export const PEER_DATABASE = 'tenantry_bench_peer';

/** The same server and login, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The same database through another host:port (a proxy in front of the server). */
export function throughPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.host = `127.0.0.1:${port}`;
  return parsed.toString();
}

async function asAdmin<T>(url: string, fn: (admin: pg.Client, name: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    return await fn(admin, `"${new URL(url).pathname.slice(1).replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

export function ensureDatabase(url: string): Promise<void> {
  return asAdmin(url, async (admin, quoted) => {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [
      new URL(url).pathname.slice(1),
    ]);
    if (!rowCount) await admin.query(`create database ${quoted}`);
  });
}

/** Drops and creates the database again: only ever the bench's own. */
export function recreateDatabase(url: string): Promise<void> {
  return asAdmin(url, async (admin, quoted) => {
    await admin.query(`drop database if exists ${quoted} with (force)`);
    await admin.query(`create database ${quoted}`);
  });
}

/** Applies pending migrations; returns the names applied (none when already up to date). */
export async function migrateDatabase(url: string): Promise<string[]> {
  const owner = postgresOwner(url);
  try {
    return await migrate(owner);
  } finally {
    await owner.close();
  }
}

/** A pool connected as the login role of the URL: the schema owner, to which RLS does not apply. */
export function ownerPool(url: string, max = 2): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {});
  return pool;
}

export async function serverVersion(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ v: string }>("select current_setting('server_version') as v");
  return `PostgreSQL ${rows[0]?.v ?? '?'}`;
}
