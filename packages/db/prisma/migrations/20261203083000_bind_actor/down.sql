DROP FUNCTION IF EXISTS tenantry_bind_actor(text, uuid, text);
REVOKE SELECT ("id", "status") ON "tenants" FROM tenantry_auth;
REVOKE SELECT ("tenant_id", "id", "name", "plan", "seats", "owner_id") ON "tenant_organisations" FROM tenantry_auth;
REVOKE SELECT ("tenant_id", "id", "key_hash", "role", "created_by_id", "expires_at", "revoked_at", "last_used_at"),
       UPDATE ("last_used_at")
    ON "api_keys" FROM tenantry_auth;
