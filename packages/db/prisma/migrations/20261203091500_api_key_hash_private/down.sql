REVOKE SELECT ("tenant_id", "id", "name", "prefix", "role", "created_by_id", "expires_at", "last_used_at",
               "revoked_at", "created_at")
    ON "api_keys" FROM tenantry_app;
GRANT SELECT ON "api_keys" TO tenantry_app;
