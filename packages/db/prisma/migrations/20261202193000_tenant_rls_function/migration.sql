-- One function applies the tenant row-level-security policy to a table, so a
-- new tenant-owned table gets the same policy as every other, not a hand-copied
-- one. A migration that creates a tenant-owned table calls
--
--   SELECT tenantry_enable_tenant_rls('"work_orders"');
--
-- (packages/db's tenancy test fails until it does). It ENABLEs and FORCEs RLS
-- and (re)creates the tenant_isolation policy: a row is visible and writable
-- only while app.tenant_id, set per transaction with set_config(..., true),
-- names its tenant. With no tenant set the setting reads '' and nullif() turns
-- it into NULL, which matches no row. `tenant_column` is `id` on tenants only.
CREATE FUNCTION tenantry_enable_tenant_rls(target regclass, tenant_column name DEFAULT 'tenant_id')
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  tenant_matches text := format(
    '%I = nullif(current_setting(''app.tenant_id'', true), '''')::uuid', tenant_column);
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (%s) WITH CHECK (%s)',
    target, tenant_matches, tenant_matches);
END
$$;

-- Only migrations (the schema owner) apply it; the runtime roles have no use for it.
REVOKE EXECUTE ON FUNCTION tenantry_enable_tenant_rls(regclass, name) FROM PUBLIC;

-- Today's tables, through the function: the policies it writes are identical
-- to the ones 20261122000100_roles_and_rls wrote by hand.
SELECT tenantry_enable_tenant_rls('"tenants"', 'id');
SELECT tenantry_enable_tenant_rls('"tenant_organisations"');
SELECT tenantry_enable_tenant_rls('"users"');
SELECT tenantry_enable_tenant_rls('"invitations"');
SELECT tenantry_enable_tenant_rls('"sites"');
SELECT tenantry_enable_tenant_rls('"buildings"');
SELECT tenantry_enable_tenant_rls('"assets"');
SELECT tenantry_enable_tenant_rls('"audit_events"');
SELECT tenantry_enable_tenant_rls('"api_keys"');
