-- Reverses the tenant RLS function migration. The policies it re-created are
-- identical to the ones they replaced, so they stay; only the function goes.
DROP FUNCTION tenantry_enable_tenant_rls(regclass, name);
