-- Reverses the auth service role migration.
REVOKE ALL ON "sessions" FROM tenantry_app;
REVOKE ALL ON "accounts" FROM tenantry_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "sessions" TO tenantry_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "accounts" TO tenantry_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "verifications" TO tenantry_app;

DROP POLICY auth_service ON "users";

REVOKE ALL ON "users" FROM tenantry_auth;
REVOKE ALL ON "sessions" FROM tenantry_auth;
REVOKE ALL ON "accounts" FROM tenantry_auth;
REVOKE ALL ON "verifications" FROM tenantry_auth;
REVOKE USAGE ON SCHEMA public FROM tenantry_auth;

DO $$
BEGIN
  DROP ROLE tenantry_auth;
EXCEPTION WHEN dependent_objects_still_exist THEN
  RAISE NOTICE 'tenantry_auth is still used by another database; keeping the role';
END
$$;
