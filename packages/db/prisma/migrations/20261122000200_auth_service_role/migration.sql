-- better-auth's own role. Sign-in and session checks happen before any tenant
-- is known, so this role reads users across tenants (its own RLS policy) and
-- owns the work on sessions, accounts and verifications. It runs per
-- statement (SET LOCAL ROLE) through packages/db's authClient(), and can update
-- only the profile columns better-auth itself maintains.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tenantry_auth') THEN
    CREATE ROLE tenantry_auth NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO tenantry_auth;
GRANT SELECT ON "users" TO tenantry_auth;
GRANT UPDATE ("name", "image", "email_verified", "updated_at") ON "users" TO tenantry_auth;
GRANT SELECT, INSERT, UPDATE, DELETE ON "sessions" TO tenantry_auth;
GRANT SELECT, INSERT, UPDATE, DELETE ON "accounts" TO tenantry_auth;
GRANT SELECT, INSERT, UPDATE, DELETE ON "verifications" TO tenantry_auth;

CREATE POLICY auth_service ON "users" TO tenantry_auth USING (true) WITH CHECK (true);

-- The app role keeps only what tenant work needs of better-auth's tables: it
-- creates credentials (registration, accepted invitations) and ends a user's
-- sessions (deactivation, role change), and can read no token or hash.
REVOKE ALL ON "sessions" FROM tenantry_app;
REVOKE ALL ON "accounts" FROM tenantry_app;
REVOKE ALL ON "verifications" FROM tenantry_app;
GRANT SELECT ("id", "user_id"), DELETE ON "sessions" TO tenantry_app;
GRANT INSERT ON "accounts" TO tenantry_app;
