-- Why a session ended. A role change or a deactivation used to delete the
-- member's sessions, so their next request could only say "your session
-- ended". Now such a session is expired in place with its reason, and
-- tenantry_bind_actor returns that reason for it: the dashboard can say "your
-- role changed" or "your account was deactivated". An expired session still
-- authenticates nothing (better-auth deletes it when it next meets it).
ALTER TABLE "sessions" ADD COLUMN "ended_reason" VARCHAR(32);
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_ended_reason_known"
  CHECK ("ended_reason" IN ('role_changed', 'deactivated'));

-- The app role ends a member's sessions through this function only: it may
-- expire them (never extend them), for a member of the tenant the transaction
-- is bound to.
CREATE FUNCTION tenantry_end_sessions(member uuid, reason text)
RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  UPDATE sessions s
     SET expires_at = now(), ended_reason = reason
   WHERE s.user_id = member AND s.expires_at > now()
     AND EXISTS (SELECT 1 FROM users u
                  WHERE u.id = member AND u.tenant_id::text = current_setting('app.tenant_id', true))
$$;

ALTER FUNCTION tenantry_end_sessions(uuid, text) OWNER TO tenantry_auth;
REVOKE ALL ON FUNCTION tenantry_end_sessions(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenantry_end_sessions(uuid, text) TO tenantry_app;

DROP FUNCTION tenantry_bind_actor(text, uuid, text);

CREATE FUNCTION tenantry_bind_actor(session_token text, key_tenant uuid, key_hash text)
RETURNS TABLE (
  user_id uuid, email text, name text, role "Role", is_active boolean,
  tenant_id uuid, tenant_status "TenantStatus",
  org_id uuid, org_name text, plan "Plan", seats integer, owner_id uuid,
  key_id uuid, key_role "Role", key_usable boolean,
  session_ended text
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
      -- A session ended by a role change or a deactivation says why: the row
      -- it returns binds nothing and carries only the reason.
      RETURN QUERY
        SELECT NULL::uuid, NULL::text, NULL::text, NULL::"Role", NULL::boolean,
               NULL::uuid, NULL::"TenantStatus", NULL::uuid, NULL::text, NULL::"Plan", NULL::integer, NULL::uuid,
               NULL::uuid, NULL::"Role", NULL::boolean, s.ended_reason::text
          FROM sessions s
         WHERE s.token = session_token AND s.ended_reason IS NOT NULL;
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
             NULL::uuid, NULL::"Role", NULL::boolean, NULL::text
        FROM users u
        JOIN tenants t ON t.id = u.tenant_id
        JOIN tenant_organisations o ON o.tenant_id = u.tenant_id
       WHERE u.id = session_user_id AND u.tenant_id = bound;
    RETURN;
  END IF;

  RETURN QUERY
    SELECT u.id, u.email::text, u.name::text, u.role, u.is_active,
           t.id, t.status, o.id, o.name::text, o.plan, o.seats, o.owner_id,
           k.id, k.role, (k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())), NULL::text
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
