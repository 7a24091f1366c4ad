-- Whether an email already has an account, and if so whether in the bound
-- tenant or in another: an invitation to someone who belongs to another
-- organization would only fail when they accept it. The app role sees its own
-- tenant's users only, so the function runs as better-auth's role (which finds
-- users by email before any tenant is known) and returns no more than 'this',
-- 'another' or null: no id, no name, no tenant. Registration already tells
-- anyone whether an email is taken, so this reveals nothing new.
CREATE FUNCTION tenantry_email_holder(address text)
RETURNS text
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT CASE WHEN tenant_id::text = current_setting('app.tenant_id', true) THEN 'this' ELSE 'another' END
  FROM users
  WHERE email = address
$$;

ALTER FUNCTION tenantry_email_holder(text) OWNER TO tenantry_auth;
REVOKE ALL ON FUNCTION tenantry_email_holder(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenantry_email_holder(text) TO tenantry_app;
