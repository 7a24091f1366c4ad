-- Reverses the roles and row-level-security migration.

DROP POLICY tenant_isolation ON "tenants";
ALTER TABLE "tenants" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "tenants" DISABLE ROW LEVEL SECURITY;

DROP POLICY tenant_isolation ON "tenant_organisations";
ALTER TABLE "tenant_organisations" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "tenant_organisations" DISABLE ROW LEVEL SECURITY;

DROP POLICY tenant_isolation ON "users";
ALTER TABLE "users" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "users" DISABLE ROW LEVEL SECURITY;

DROP POLICY tenant_isolation ON "invitations";
ALTER TABLE "invitations" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "invitations" DISABLE ROW LEVEL SECURITY;

DROP POLICY tenant_isolation ON "sites";
ALTER TABLE "sites" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "sites" DISABLE ROW LEVEL SECURITY;

DROP POLICY tenant_isolation ON "buildings";
ALTER TABLE "buildings" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "buildings" DISABLE ROW LEVEL SECURITY;

DROP POLICY tenant_isolation ON "assets";
ALTER TABLE "assets" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "assets" DISABLE ROW LEVEL SECURITY;

DROP POLICY tenant_isolation ON "audit_events";
ALTER TABLE "audit_events" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "audit_events" DISABLE ROW LEVEL SECURITY;

DROP POLICY tenant_isolation ON "api_keys";
ALTER TABLE "api_keys" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "api_keys" DISABLE ROW LEVEL SECURITY;

REVOKE ALL ON "tenants" FROM tenantry_app;
REVOKE ALL ON "tenant_organisations" FROM tenantry_app;
REVOKE ALL ON "users" FROM tenantry_app;
REVOKE ALL ON "sessions" FROM tenantry_app;
REVOKE ALL ON "accounts" FROM tenantry_app;
REVOKE ALL ON "verifications" FROM tenantry_app;
REVOKE ALL ON "invitations" FROM tenantry_app;
REVOKE ALL ON "sites" FROM tenantry_app;
REVOKE ALL ON "buildings" FROM tenantry_app;
REVOKE ALL ON "assets" FROM tenantry_app;
REVOKE ALL ON "audit_events" FROM tenantry_app;
REVOKE ALL ON "api_keys" FROM tenantry_app;
DO $$
BEGIN
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM tenantry_app;
  END IF;
END
$$;
REVOKE USAGE ON SCHEMA public FROM tenantry_app;

-- The role is shared by every database of the cluster; it is dropped only when
-- no other database still grants it anything.
DO $$
BEGIN
  DROP ROLE tenantry_app;
EXCEPTION WHEN dependent_objects_still_exist THEN
  RAISE NOTICE 'tenantry_app is still used by another database; keeping the role';
END
$$;
