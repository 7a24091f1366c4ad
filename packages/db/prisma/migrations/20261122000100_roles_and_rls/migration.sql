-- The runtime role. It is not a superuser, has no BYPASSRLS, owns no table and
-- cannot log in: the server connects as a login role and switches to it (SET
-- ROLE on PGlite, `options=-c role=tenantry_app` on PostgreSQL). Roles belong to
-- the cluster, not the database, so it may exist already.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tenantry_app') THEN
    CREATE ROLE tenantry_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO tenantry_app;

-- Least privilege: audit events are append-only, and tenants, organizations,
-- users, invitations and API keys are deactivated or revoked, never deleted, at
-- runtime. _prisma_migrations is readable so readiness can check the schema.

GRANT SELECT, INSERT, UPDATE ON "tenants" TO tenantry_app;
GRANT SELECT, INSERT, UPDATE ON "tenant_organisations" TO tenantry_app;
GRANT SELECT, INSERT, UPDATE ON "users" TO tenantry_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "sessions" TO tenantry_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "accounts" TO tenantry_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "verifications" TO tenantry_app;
GRANT SELECT, INSERT, UPDATE ON "invitations" TO tenantry_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "sites" TO tenantry_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "buildings" TO tenantry_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "assets" TO tenantry_app;
GRANT SELECT, INSERT ON "audit_events" TO tenantry_app;
GRANT SELECT, INSERT, UPDATE ON "api_keys" TO tenantry_app;
-- The engine's shadow database has no migrations table.
DO $$
BEGIN
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    GRANT SELECT ON "_prisma_migrations" TO tenantry_app;
  END IF;
END
$$;

-- Row-level security: a row is visible and writable only while app.tenant_id,
-- set per transaction with set_config(..., true), names its tenant. With no
-- tenant set the setting reads '' and nullif() turns it into NULL, which
-- matches no row. FORCE applies the policies to the tables' owner too.
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenants"
  USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "tenant_organisations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant_organisations" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenant_organisations"
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "users"
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "invitations"
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "sites" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "sites" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "sites"
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "buildings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "buildings" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "buildings"
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "assets" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "assets" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "assets"
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "audit_events"
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "api_keys" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "api_keys"
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
