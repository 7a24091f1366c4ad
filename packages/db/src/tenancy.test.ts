// Tenancy comes from the schema (tenancy.ts). This test ties every tenant
// model to each place that must know it, so a model forgotten in any one of
// them fails here: FORCEd row-level security with the tenant policy in the
// migrated database, the tenant-bound client, a Citus placement, and the
// fixtures. It also checks the schema reader that names the tables against the
// generated client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CITUS_PLACEMENT } from './citus.ts';
import type { Db } from './client.ts';
import { Prisma } from './generated/client.ts';
import { readPrismaSchema } from './prisma-schema.ts';
import { TENANT_KEY, TENANT_MODEL, TENANT_OWNED_MODELS } from './tenancy.ts';
import type { TenantScopedModel } from './tenancy.ts';
import { scopeToTenant } from './tenant.ts';
import { FIXTURE_IDS, insertTenant } from './testing/fixtures.ts';
import type { TenantRows } from './testing/fixtures.ts';
import { TENANT_SCOPED_TABLES } from './testing/tenancy.ts';
import { createTestDatabase } from './testing/test-db.ts';
import type { TestDatabase } from './testing/test-db.ts';

/** The policy every tenant table carries, as PostgreSQL prints it back. */
const tenantMatches = (column: string) =>
  `(${column} = (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid)`;

interface Policy {
  table: string;
  name: string;
  permissive: string;
  roles: string;
  cmd: string;
  qual: string | null;
  with_check: string | null;
}
interface Rls {
  table: string;
  enabled: boolean;
  forced: boolean;
}
type Delegate = { findMany(): Promise<{ id: string }[]> };

let db: TestDatabase;
let owner: Db;
let a: TenantRows;
let b: TenantRows;
let policies: Policy[];
let rls: Rls[];

beforeAll(async () => {
  db = await createTestDatabase();
  a = await insertTenant(db.owner, 'a');
  b = await insertTenant(db.owner, 'b');
  // The owner is not bound by RLS, so the tenant-bound client is checked alone.
  owner = db.openOwnerPrisma();
  policies = await db.owner.rows<Policy>(`
    select tablename as table, policyname as name, permissive, roles::text as roles, cmd, qual, with_check
      from pg_policies where schemaname = 'public'`);
  rls = await db.owner.rows<Rls>(`
    select relname as table, relrowsecurity as enabled, relforcerowsecurity as forced
      from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`);
});
afterAll(() => db.close());

describe('tenancy from the schema', () => {
  const schema = readPrismaSchema();

  it('the schema reader agrees with the generated client', () => {
    expect(schema.models.map((m) => m.name)).toEqual(Object.values(Prisma.ModelName));
    for (const model of schema.models) {
      const scalars: unknown = Prisma[`${model.name as Prisma.ModelName}ScalarFieldEnum`];
      const read = model.fields.filter((f) => !f.list && !schema.models.some((m) => m.name === f.type));
      expect(read.map((f) => f.name).sort(), model.name).toEqual(Object.keys(scalars as object).sort());
    }
  });

  it('tenant-owned models are exactly those with a tenantId', () => {
    const withTenantId = schema.models.filter((m) => m.fields.some((f) => f.name === TENANT_KEY));
    expect(TENANT_OWNED_MODELS).toEqual(withTenantId.map((m) => m.name));
    expect(TENANT_SCOPED_TABLES.map((t) => t.model)).toEqual([TENANT_MODEL, ...TENANT_OWNED_MODELS]);
  });

  it.each(TENANT_SCOPED_TABLES.map((t) => [t.model, t] as const))(
    '%s: RLS forced with the tenant policy, scoped by the tenant client, placed on Citus, in the fixtures',
    async (model, { table, tenantColumn }) => {
      // The database: RLS enabled and forced, and the one tenant policy, for everyone.
      expect(rls.find((r) => r.table === table)).toEqual({ table, enabled: true, forced: true });
      const own = policies.filter((p) => p.table === table);
      expect(own.find((p) => p.name === 'tenant_isolation')).toEqual({
        table,
        name: 'tenant_isolation',
        permissive: 'PERMISSIVE',
        roles: '{public}',
        cmd: 'ALL',
        qual: tenantMatches(tenantColumn),
        with_check: tenantMatches(tenantColumn),
      });
      // Any other policy (better-auth's on users) must not reach the app role.
      for (const other of own.filter((p) => p.name !== 'tenant_isolation')) {
        expect(other.roles, other.name).not.toMatch(/public|tenantry_app/);
      }

      // Citus: tenant data is distributed by tenant_id or replicated, never local.
      expect(['distributed', 'reference']).toContain(CITUS_PLACEMENT[model]);

      // The fixtures: one row per tenant, named by its fixture id.
      const key = FIXTURE_IDS[model];
      const rows = await db.owner.rows<{ id: string }>(
        `select id from "${table}" where "${tenantColumn}" in ('${a.tenantId}', '${b.tenantId}') order by id`,
      );
      expect(rows.map((r) => r.id).sort()).toEqual([a[key], b[key]].sort());

      // The tenant-bound client reaches the model, and only the bound tenant's row.
      const delegateOf = (client: object) =>
        (client as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)];
      const forB = delegateOf(scopeToTenant(owner, b.tenantId));
      expect((await forB?.findMany())?.map((r) => r.id)).toEqual([b[key]]);
    },
  );

  it('the fixtures name every tenant-scoped model and nothing else', () => {
    const models: TenantScopedModel[] = [TENANT_MODEL, ...TENANT_OWNED_MODELS];
    expect(Object.keys(FIXTURE_IDS).sort()).toEqual([...models].sort());
  });
});
