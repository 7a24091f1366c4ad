// The tables that hold a tenant's data, for tests that read them directly:
// derived from the schema (tenancy.ts picks the models, schema.prisma names
// their tables and columns), never listed by hand.
import { readPrismaSchema } from '../prisma-schema.ts';
import { TENANT_MODEL, TENANT_OWNED_MODELS, tenantKeyOf } from '../tenancy.ts';
import type { TenantScopedModel } from '../tenancy.ts';

export interface TenantTable {
  model: TenantScopedModel;
  table: string;
  /** The column that names a row's tenant: `id` on tenants, `tenant_id` elsewhere. */
  tenantColumn: string;
}

function tenantTables(): TenantTable[] {
  const schema = readPrismaSchema();
  return [TENANT_MODEL, ...TENANT_OWNED_MODELS].map((model) => {
    const found = schema.models.find((m) => m.name === model);
    const key = tenantKeyOf(model);
    const column = found?.fields.find((f) => f.name === key)?.column;
    if (!found || !column) throw new Error(`schema.prisma has no ${model}.${key ?? '?'}`);
    return { model, table: found.table, tenantColumn: column };
  });
}

/** `tenants` first, then every tenant-owned table, in schema order. */
export const TENANT_SCOPED_TABLES: readonly TenantTable[] = tenantTables();

export const TENANT_TABLE_OF = Object.fromEntries(TENANT_SCOPED_TABLES.map((t) => [t.model, t])) as Record<
  TenantScopedModel,
  TenantTable
>;
