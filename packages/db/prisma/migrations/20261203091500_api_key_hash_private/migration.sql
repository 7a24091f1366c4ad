-- API keys are checked by tenantry_bind_actor alone (as the auth role), so the
-- app role no longer reads key hashes: it creates keys (hash included), lists
-- and revokes them, and reads every column but the hash.
REVOKE SELECT ON "api_keys" FROM tenantry_app;
GRANT SELECT ("tenant_id", "id", "name", "prefix", "role", "created_by_id", "expires_at", "last_used_at",
              "revoked_at", "created_at")
   ON "api_keys" TO tenantry_app;
