// A connection as the schema owner, for migrations and maintenance. Runtime
// queries never use it: they run as the app role (see client.ts).
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

import { PGliteAdapterFactory, PostgresMigrationAdapterFactory } from './adapters.ts';
import type { EngineAdapterFactory } from './adapters.ts';

export interface OwnerConnection {
  /** For Prisma's schema engine. */
  factory: EngineAdapterFactory;
  exec(sql: string): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

// PGlite is one connection, which the runtime client switches to the app role
// for good; `set local role none` runs a statement as the session's own
// (owner) role and reverts when its transaction ends.
export function pgliteOwner(pglite: PGlite): OwnerConnection {
  return {
    factory: new PGliteAdapterFactory(pglite, true),
    exec: async (sql) => {
      await pglite.transaction(async (tx) => {
        await tx.exec('set local role none');
        await tx.exec(sql);
      });
    },
    rows: async <T>(sql: string) =>
      pglite.transaction(async (tx) => {
        await tx.exec('set local role none');
        return (await tx.query<T>(sql)).rows;
      }),
    close: async () => {},
  };
}

export function postgresOwner(url: string): OwnerConnection {
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5_000 });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return {
    factory: new PostgresMigrationAdapterFactory({
      connectionString: url,
      max: 2,
      connectionTimeoutMillis: 5_000,
    }),
    exec: async (sql) => {
      await pool.query(sql);
    },
    rows: async <T>(sql: string) => (await pool.query(sql)).rows as T[],
    close: () => pool.end(),
  };
}
