-- Site and building searches through their trigram indexes, as asset search
-- does (see *_search_and_asset_counts): under row-level security the planner
-- may not use ILIKE as an index condition, so the matching runs as the schema
-- owner, bound to app.tenant_id by the tenant policy's own predicate, and
-- returns ids; the caller reads the rows under RLS.
CREATE FUNCTION tenantry_search_sites(pattern text) RETURNS SETOF uuid
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT id FROM sites
      WHERE tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid
        AND (name ILIKE $1 OR address ILIKE $1)'
    USING pattern;
END
$$;
REVOKE EXECUTE ON FUNCTION tenantry_search_sites(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenantry_search_sites(text) TO tenantry_app;

CREATE FUNCTION tenantry_search_buildings(pattern text) RETURNS SETOF uuid
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT id FROM buildings
      WHERE tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid
        AND name ILIKE $1'
    USING pattern;
END
$$;
REVOKE EXECUTE ON FUNCTION tenantry_search_buildings(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenantry_search_buildings(text) TO tenantry_app;
