DROP FUNCTION tenantry_end_sessions(uuid, text);
DROP FUNCTION tenantry_bind_actor(text, uuid, text);

CREATE FUNCTION tenantry_bind_actor(session_token text, key_tenant uuid, key_hash text)
RETURNS TABLE (
  user_id uuid, email text, name text, role "Role", is_active boolean,
  tenant_id uuid, tenant_status "TenantStatus",
  org_id uuid, org_name text, plan "Plan", seats integer, owner_id uuid,
  key_id uuid, key_role "Role", key_usable boolean
)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  session_user_id uuid;
  bound uuid;
BEGIN
  IF session_token IS NOT NULL THEN
    SELECT s.user_id, u.tenant_id INTO session_user_id, bound
      FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token = session_token AND s.expires_at > now();
    IF NOT FOUND THEN
      RETURN;
    END IF;
  ELSE
    bound := key_tenant;
  END IF;
  PERFORM set_config('app.tenant_id', bound::text, true);

  IF session_token IS NOT NULL THEN
    RETURN QUERY
      SELECT u.id, u.email::text, u.name::text, u.role, u.is_active,
             t.id, t.status, o.id, o.name::text, o.plan, o.seats, o.owner_id,
             NULL::uuid, NULL::"Role", NULL::boolean
        FROM users u
        JOIN tenants t ON t.id = u.tenant_id
        JOIN tenant_organisations o ON o.tenant_id = u.tenant_id
       WHERE u.id = session_user_id AND u.tenant_id = bound;
    RETURN;
  END IF;

  RETURN QUERY
    SELECT u.id, u.email::text, u.name::text, u.role, u.is_active,
           t.id, t.status, o.id, o.name::text, o.plan, o.seats, o.owner_id,
           k.id, k.role, (k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now()))
      FROM api_keys k
      JOIN users u ON u.tenant_id = k.tenant_id AND u.id = k.created_by_id
      JOIN tenants t ON t.id = k.tenant_id
      JOIN tenant_organisations o ON o.tenant_id = k.tenant_id
     WHERE k.tenant_id = bound AND k.key_hash = tenantry_bind_actor.key_hash;
  -- Last use is kept to the minute, so a busy key is not written on every call.
  UPDATE api_keys k SET last_used_at = now()
   WHERE k.tenant_id = bound AND k.key_hash = tenantry_bind_actor.key_hash
     AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute');
END
$$;

ALTER FUNCTION tenantry_bind_actor(text, uuid, text) OWNER TO tenantry_auth;
REVOKE EXECUTE ON FUNCTION tenantry_bind_actor(text, uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenantry_bind_actor(text, uuid, text) TO tenantry_app;

ALTER TABLE "sessions" DROP CONSTRAINT "sessions_ended_reason_known";
ALTER TABLE "sessions" DROP COLUMN "ended_reason";
