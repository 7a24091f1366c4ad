// Two tenants with one row in every tenant-owned table, written as the owner
// (no RLS) with raw SQL, so the tests that read them depend on nothing else.
import { v7 as uuidv7 } from 'uuid';

import type { OwnerConnection } from '../owner.ts';
import type { TenantScopedModel } from '../tenancy.ts';
import { TENANT_TABLE_OF } from './tenancy.ts';

export interface TenantRows {
  tenantId: string;
  userId: string;
  organizationId: string;
  siteId: string;
  buildingId: string;
  assetId: string;
  /** The counter row the asset's insert made (asset_counts is written by a trigger only). */
  assetCountId: string;
  invitationId: string;
  auditEventId: string;
  assetImportId: string;
  apiKeyId: string;
}

/**
 * The fixture id that names each tenant-scoped model's row. Keyed by the models
 * derived from the schema (tenancy.ts): a new model with a tenantId does not
 * compile until it gets a fixture row here and in insertTenant().
 */
export const FIXTURE_IDS = {
  Tenant: 'tenantId',
  Organization: 'organizationId',
  User: 'userId',
  Invitation: 'invitationId',
  Site: 'siteId',
  Building: 'buildingId',
  Asset: 'assetId',
  AssetCount: 'assetCountId',
  AuditEvent: 'auditEventId',
  AssetImport: 'assetImportId',
  ApiKey: 'apiKeyId',
} as const satisfies Record<TenantScopedModel, keyof TenantRows>;

/** Every tenant-owned table (tenants aside) and the fixture id that names its row. */
export const TENANT_TABLES: Readonly<Record<string, keyof TenantRows>> = Object.fromEntries(
  Object.entries(FIXTURE_IDS)
    .filter(([model]) => model !== 'Tenant')
    .map(([model, key]) => [TENANT_TABLE_OF[model as TenantScopedModel].table, key]),
);

/** Fresh ids for a tenant's fixture rows; assetCountId is known only once the asset is inserted. */
export function newTenantRows(): Omit<TenantRows, 'assetCountId'> {
  return {
    tenantId: uuidv7(),
    userId: uuidv7(),
    organizationId: uuidv7(),
    siteId: uuidv7(),
    buildingId: uuidv7(),
    assetId: uuidv7(),
    invitationId: uuidv7(),
    auditEventId: uuidv7(),
    assetImportId: uuidv7(),
    apiKeyId: uuidv7(),
  };
}

export async function insertTenant(owner: OwnerConnection, label: string): Promise<TenantRows> {
  const r = newTenantRows();
  const t = r.tenantId;
  await owner.exec(`
    insert into tenants (id) values ('${t}');
    insert into users (tenant_id, id, email, name, role, updated_at)
      values ('${t}', '${r.userId}', '${label}-${t}@example.test', 'Owner ${label}', 'OWNER', now());
    insert into tenant_organisations (tenant_id, id, name, owner_id, updated_at)
      values ('${t}', '${r.organizationId}', 'Org ${label}', '${r.userId}', now());
    insert into invitations (tenant_id, id, email, token_hash, expires_at, invited_by_id)
      values ('${t}', '${r.invitationId}', 'invitee-${t}@example.test', 'hash-${t}', now() + interval '7 days', '${r.userId}');
    insert into sites (tenant_id, id, name, updated_at) values ('${t}', '${r.siteId}', 'Site ${label}', now());
    insert into buildings (tenant_id, id, site_id, name, updated_at)
      values ('${t}', '${r.buildingId}', '${r.siteId}', 'Building ${label}', now());
    insert into assets (tenant_id, id, building_id, tag, name, category, updated_at)
      values ('${t}', '${r.assetId}', '${r.buildingId}', 'TAG-${label}', 'Asset ${label}', 'HVAC', now());
    insert into asset_imports (tenant_id, id, actor_id, created)
      values ('${t}', '${r.assetImportId}', '${r.userId}', 1);
    insert into audit_events (tenant_id, id, actor_id, action, target_type, import_id)
      values ('${t}', '${r.auditEventId}', '${r.userId}', 'asset.import', 'asset', '${r.assetImportId}');
    insert into api_keys (tenant_id, id, name, prefix, key_hash, created_by_id)
      values ('${t}', '${r.apiKeyId}', 'Key ${label}', 'tk_${label}', 'keyhash-${t}', '${r.userId}');
  `);
  const [count] = await owner.rows<{ id: string }>(`select id from asset_counts where tenant_id = '${t}'`);
  if (!count) throw new Error('the asset insert made no asset_counts row');
  return { ...r, assetCountId: count.id };
}
