// Layer 3 alone: raw SQL as the app role, with no Prisma and no tenant-bound
// client between the query and the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { insertTenant, TENANT_TABLES } from './testing/fixtures.ts';
import type { TenantRows } from './testing/fixtures.ts';
import { createTestDatabase } from './testing/test-db.ts';
import type { TestDatabase } from './testing/test-db.ts';

let db: TestDatabase;
let a: TenantRows;
let b: TenantRows;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await insertTenant(db.owner, 'a');
  b = await insertTenant(db.owner, 'b');
});
afterAll(() => db.close());

const tables = Object.entries(TENANT_TABLES);

/** The fixture id of a tenant-owned table's row. */
function keyOf(table: string): keyof TenantRows {
  const key = TENANT_TABLES[table];
  if (!key) throw new Error(`${table} is not a tenant-owned table`);
  return key;
}

describe('row-level security, as the app role', () => {
  it('is enabled and forced on every tenant-owned table and on tenants', async () => {
    const rows = await db.owner.rows<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }>(
      `select relname, relrowsecurity, relforcerowsecurity from pg_class
        where relnamespace = 'public'::regnamespace and relkind = 'r'`,
    );
    for (const table of ['tenants', ...Object.keys(TENANT_TABLES)]) {
      expect(
        rows.find((r) => r.relname === table),
        table,
      ).toMatchObject({
        relrowsecurity: true,
        relforcerowsecurity: true,
      });
    }
  });

  it('the app role is not a superuser, cannot bypass RLS and owns no table', async () => {
    const [role] = await db.owner.rows<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }>(
      `select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = 'tenantry_app'`,
    );
    // It may log in as itself (behind a pooler, with a password the operator sets), with no more rights.
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: true });
    const owned = await db.owner.rows(`select tablename from pg_tables where tableowner = 'tenantry_app'`);
    expect(owned).toEqual([]);
    const [me] = await db.asApp<{ current_user: string }>('select current_user');
    expect(me?.current_user).toBe('tenantry_app');
  });

  it.each(tables)('%s: with no tenant set, sees zero rows', async (table) => {
    const rows = await db.asApp(`select id, tenant_id from ${table}`);
    expect(rows).toEqual([]);
  });

  it.each(tables)("%s: tenant B sees only its own rows, never A's", async (table, key) => {
    const rows = await db.asApp<{ id: string; tenant_id: string }>(
      `select id, tenant_id from ${table}`,
      [],
      b.tenantId,
    );
    expect(rows.map((r) => r.id)).toEqual([b[key]]);
    const byId = await db.asApp(`select id from ${table} where id = $1`, [a[key]], b.tenantId);
    expect(byId).toEqual([]);
  });

  it('tenants: B sees only its own tenant row', async () => {
    const rows = await db.asApp<{ id: string }>('select id from tenants', [], b.tenantId);
    expect(rows.map((r) => r.id)).toEqual([b.tenantId]);
  });

  // A harmless change per table; audit events have no UPDATE grant at all.
  const touch: Record<string, string> = {
    tenant_organisations: 'updated_at = now()',
    users: 'updated_at = now()',
    invitations: 'revoked_at = now()',
    sites: 'updated_at = now()',
    buildings: 'updated_at = now()',
    assets: 'updated_at = now()',
    api_keys: 'revoked_at = now()',
  };

  it.each(Object.entries(touch))("%s: tenant B cannot update A's row", async (table, set) => {
    const id = a[keyOf(table)];
    const updated = await db.asApp(`update ${table} set ${set} where id = $1 returning id`, [id], b.tenantId);
    expect(updated).toEqual([]);
    const [row] = await db.owner.rows<Record<string, unknown>>(`select * from ${table} where id = '${id}'`);
    expect(row?.revoked_at ?? null).toBeNull();
  });

  it.each(['sites', 'buildings', 'assets'] as const)("%s: tenant B cannot delete A's row", async (table) => {
    const key = keyOf(table);
    const deleted = await db.asApp(`delete from ${table} where id = $1 returning id`, [a[key]], b.tenantId);
    expect(deleted).toEqual([]);
    expect(await db.asApp(`select id from ${table} where id = $1`, [a[key]], a.tenantId)).toHaveLength(1);
  });

  it('tenant B cannot insert a row that belongs to A', async () => {
    const insert = db.asApp(
      `insert into sites (tenant_id, id, name, updated_at) values ($1, gen_random_uuid(), 'planted', now())`,
      [a.tenantId],
      b.tenantId,
    );
    await expect(insert).rejects.toThrow(/row-level security/);
  });

  it('tenant B cannot move its own row into A', async () => {
    const move = db.asApp(
      `update sites set tenant_id = $1 where id = $2`,
      [a.tenantId, b.siteId],
      b.tenantId,
    );
    await expect(move).rejects.toThrow(/row-level security/);
  });

  it('with no tenant set, nothing can be inserted', async () => {
    const insert = db.asApp(
      `insert into sites (tenant_id, id, name, updated_at) values ($1, gen_random_uuid(), 'orphan', now())`,
      [a.tenantId],
    );
    await expect(insert).rejects.toThrow(/row-level security/);
  });

  it('audit events are append-only for the app role', async () => {
    await expect(
      db.asApp('delete from audit_events where id = $1', [a.auditEventId], a.tenantId),
    ).rejects.toThrow(/permission denied/);
  });
});

describe("better-auth's tables", () => {
  it('the app role cannot read password hashes or session tokens', async () => {
    await expect(db.asApp('select password from accounts')).rejects.toThrow(/permission denied/);
    await expect(db.asApp('select token from sessions')).rejects.toThrow(/permission denied/);
    await expect(db.asApp('select * from verifications')).rejects.toThrow(/permission denied/);
    expect(await db.asApp('select id, user_id from sessions')).toEqual([]);
  });

  it('the auth role finds users across tenants but can change only their profile', async () => {
    const users = await db.asAuth<{ id: string }>('select id from users order by id');
    expect(users.map((u) => u.id).sort()).toEqual([a.userId, b.userId].sort());
    await expect(db.asAuth(`update users set role = 'OWNER' where id = $1`, [a.userId])).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      db.asAuth(`update users set tenant_id = $1 where id = $2`, [b.tenantId, a.userId]),
    ).rejects.toThrow(/permission denied/);
    expect(
      await db.asAuth(`update users set name = name where id = $1 returning id`, [a.userId]),
    ).toHaveLength(1);
  });

  it('the auth role reaches no tenant data', async () => {
    await expect(db.asAuth('select * from sites')).rejects.toThrow(/permission denied/);
    await expect(db.asAuth('select * from tenant_organisations')).rejects.toThrow(/permission denied/);
  });
});

describe('tenant-inclusive foreign keys', () => {
  it("reject a building that points at another tenant's site, even for the owner", async () => {
    const insert = db.owner.exec(
      `insert into buildings (tenant_id, id, site_id, name, updated_at)
         values ('${b.tenantId}', gen_random_uuid(), '${a.siteId}', 'smuggled', now())`,
    );
    await expect(insert).rejects.toThrow(/foreign key/);
  });

  it("reject an asset that points at another tenant's building", async () => {
    const insert = db.owner.exec(
      `insert into assets (tenant_id, id, building_id, tag, name, category, updated_at)
         values ('${b.tenantId}', gen_random_uuid(), '${a.buildingId}', 'X-1', 'smuggled', 'HVAC', now())`,
    );
    await expect(insert).rejects.toThrow(/foreign key/);
  });

  it("reject an organization owned by another tenant's user", async () => {
    const update = db.owner.exec(
      `update tenant_organisations set owner_id = '${a.userId}' where tenant_id = '${b.tenantId}'`,
    );
    await expect(update).rejects.toThrow(/foreign key/);
  });
});
