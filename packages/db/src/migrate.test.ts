import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createMigration,
  MIGRATIONS_DIR,
  migrate,
  plan,
  readMigrations,
  rollback,
  SCHEMA_PATH,
  status,
} from './migrate.ts';
import { insertTenant } from './testing/fixtures.ts';
import { rowCounts, schemaSnapshot } from './testing/schema-snapshot.ts';
import { createTestDatabase } from './testing/test-db.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'tenantry-migrations-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A copy of the real migrations plus one more that adds a column to sites. */
async function migrationsWithExtra(): Promise<{ dir: string; extra: string }> {
  const dir = await mkdtemp(join(scratch, 'm-'));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  const extra = '29990101000000_site_code';
  await mkdir(join(dir, extra));
  await writeFile(
    join(dir, extra, 'migration.sql'),
    `ALTER TABLE "sites" ADD COLUMN "code" VARCHAR(20);
     CREATE INDEX "sites_tenant_id_code_idx" ON "sites"("tenant_id", "code");
     UPDATE "sites" SET "code" = left("name", 20);`,
  );
  await writeFile(
    join(dir, extra, 'down.sql'),
    `DROP INDEX "sites_tenant_id_code_idx";
     ALTER TABLE "sites" DROP COLUMN "code";`,
  );
  return { dir, extra };
}

describe('migrations', () => {
  it('apply from empty, record themselves, and match the schema (no drift)', async () => {
    const db = await createTestDatabase({ migrate: false });
    try {
      const { names } = await readMigrations();
      expect((await status(db.owner)).pending).toEqual(names);
      expect(await migrate(db.owner)).toEqual(names);
      expect(await status(db.owner)).toEqual({ applied: names, pending: [], failed: [] });
      expect(await migrate(db.owner)).toEqual([]);
    } finally {
      await db.close();
    }
    expect(await plan()).toBeNull();
  });

  it('up → down → up on a database holding data keeps the schema and the rows', async () => {
    const { dir, extra } = await migrationsWithExtra();
    const db = await createTestDatabase({ migrationsDir: dir, migrate: false });
    try {
      const { names } = await readMigrations();
      await migrate(db.owner, MIGRATIONS_DIR);
      await insertTenant(db.owner, 'a');
      await insertTenant(db.owner, 'b');
      const schema = await schemaSnapshot(db.owner);
      const rows = await rowCounts(db.owner);
      expect(rows.sites).toBe(2);

      // A migration that touches sites: its down keeps every row, sites' too.
      expect(await migrate(db.owner, dir)).toEqual([extra]);
      expect((await schemaSnapshot(db.owner)).columns).toContain('sites.code character varying YES ');
      expect(await rollback(db.owner, dir)).toBe(extra);
      expect(await schemaSnapshot(db.owner)).toEqual(schema);
      expect(await rowCounts(db.owner)).toEqual(rows);
      expect(await migrate(db.owner, dir)).toEqual([extra]);
      expect(await rollback(db.owner, dir)).toBe(extra);

      // The real migrations after init (roles, RLS, grants): each down keeps every row, and up
      // restores the schema exactly.
      const afterInit = names.slice(1);
      for (const name of [...afterInit].reverse()) {
        expect(await rollback(db.owner, MIGRATIONS_DIR)).toBe(name);
        // Tables a reverted migration created are gone, tables it dropped are back (empty);
        // every other table keeps every row.
        const now = await rowCounts(db.owner);
        const kept = Object.fromEntries(Object.entries(now).filter(([table]) => table in rows));
        expect(kept).toEqual(Object.fromEntries(Object.entries(rows).filter(([table]) => table in now)));
        for (const [table, count] of Object.entries(now)) if (!(table in rows)) expect(count, table).toBe(0);
        expect(now.sites).toBe(2);
      }
      const lifted = await schemaSnapshot(db.owner);
      expect(lifted.policies).toEqual([]);
      expect(lifted.grants).toEqual([]);
      expect(lifted.functions).toEqual([]);
      expect(await migrate(db.owner, MIGRATIONS_DIR)).toEqual(afterInit);
      expect(await schemaSnapshot(db.owner)).toEqual(schema);
      expect(await rowCounts(db.owner)).toEqual(rows);
    } finally {
      await db.close();
    }
  });

  it('every migration reverses to an empty schema and replays to the same one', async () => {
    const db = await createTestDatabase();
    try {
      const schema = await schemaSnapshot(db.owner);
      const { names } = await readMigrations();
      for (const name of [...names].reverse()) expect(await rollback(db.owner)).toBe(name);
      expect(await rollback(db.owner)).toBeNull();
      const empty = await schemaSnapshot(db.owner);
      expect(empty.columns.every((c) => c.startsWith('_prisma_migrations.'))).toBe(true);
      expect(empty.enums).toEqual([]);
      expect(empty.functions).toEqual([]);
      await migrate(db.owner);
      expect(await schemaSnapshot(db.owner)).toEqual(schema);
    } finally {
      await db.close();
    }
  });

  it('the tenant RLS function re-applies the policies unchanged, and gives a new table the same one', async () => {
    const { names } = await readMigrations();
    const fn = names.find((n) => n.endsWith('_tenant_rls_function'));
    expect(fn).toBeDefined();
    // The migrations before it, then the same plus it: later migrations stay out of the comparison.
    const upTo = async (end: number) => {
      const dir = await mkdtemp(join(scratch, 'f-'));
      for (const name of names.slice(0, end)) {
        await cp(join(MIGRATIONS_DIR, name), join(dir, name), { recursive: true });
      }
      await cp(join(MIGRATIONS_DIR, 'migration_lock.toml'), join(dir, 'migration_lock.toml'));
      return dir;
    };
    const at = names.indexOf(fn ?? '');
    const db = await createTestDatabase({ migrate: false });
    try {
      await migrate(db.owner, await upTo(at));
      const { functions: none, ...hand } = await schemaSnapshot(db.owner);
      expect(none).toEqual([]);
      await migrate(db.owner, await upTo(at + 1));
      const { functions, ...applied } = await schemaSnapshot(db.owner);
      expect(applied).toEqual(hand);
      expect(functions).toHaveLength(1);

      await db.owner.exec(`
        CREATE TABLE "work_orders" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, PRIMARY KEY ("tenant_id", "id"));
        SELECT tenantry_enable_tenant_rls('"work_orders"');`);
      const policy = (table: string) =>
        db.owner.rows(`
          select relrowsecurity, relforcerowsecurity, policyname, permissive, roles::text, cmd, qual, with_check
            from pg_policies join pg_class on relname = tablename and relnamespace = 'public'::regnamespace
           where schemaname = 'public' and tablename = '${table}'`);
      expect(await policy('work_orders')).toEqual(await policy('sites'));
    } finally {
      await db.close();
    }
  });

  it('a failing migration is reported and leaves nothing half-applied', async () => {
    const { dir } = await migrationsWithExtra();
    const broken = '29990101000001_broken';
    await mkdir(join(dir, broken));
    await writeFile(
      join(dir, broken, 'migration.sql'),
      'ALTER TABLE "sites" ADD COLUMN "x" INT;\nSELEC oops;',
    );
    const db = await createTestDatabase({ migrate: false });
    try {
      await expect(migrate(db.owner, dir)).rejects.toThrow(/syntax error/);
      const columns = (await schemaSnapshot(db.owner)).columns;
      expect(columns.some((c) => c.startsWith('sites.x '))).toBe(false);
      expect((await status(db.owner, dir)).failed).toEqual([broken]);
    } finally {
      await db.close();
    }
  });
});

describe('drift and new migrations', () => {
  it('detect a schema change and write its up and down SQL', async () => {
    const dir = await mkdtemp(join(scratch, 'd-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const schemaPath = join(dir, 'schema.prisma');
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    await writeFile(
      schemaPath,
      schema.replace(
        '  address   String?  @db.VarChar(300)\n',
        '  address   String?  @db.VarChar(300)\n  code      String?  @db.VarChar(20)\n',
      ),
    );
    const next = await plan(dir, schemaPath);
    expect(next?.up).toMatch(/ALTER TABLE ("public"\.)?"sites" ADD COLUMN\s+"code" VARCHAR\(20\)/);
    expect(next?.down).toMatch(/ALTER TABLE ("public"\.)?"sites" DROP COLUMN "code"/);

    const folder = await createMigration('site_code', {
      dir,
      schemaPath,
      now: new Date('2999-01-01T00:00:00Z'),
    });
    expect(folder).toBe('29990101000000_site_code');
    if (!folder) return;
    expect(await readFile(join(dir, folder, 'migration.sql'), 'utf8')).toBe(next?.up);
    expect(await readFile(join(dir, folder, 'down.sql'), 'utf8')).toBe(next?.down);
    expect(await plan(dir, schemaPath)).toBeNull();
  });
});
