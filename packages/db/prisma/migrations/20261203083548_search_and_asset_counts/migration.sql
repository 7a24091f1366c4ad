-- Reads that stay flat as a tenant grows (issue 10, part 4).
--
-- 1. Search: every column a `search` input filters with ILIKE '%…%' (Prisma's
--    `contains` with mode 'insensitive') gets a pg_trgm GIN index, so a search
--    costs what it matches, not what the tenant holds. PGlite loads pg_trgm as
--    a contrib module (packages/db/src/pglite-extensions.ts).
-- 2. asset.stats: asset_counts holds how many assets each (building, status,
--    category) has, kept by statement-level triggers on assets in the same
--    transaction as the change, so stats reads a few rows instead of counting
--    the tenant's assets.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "asset_counts" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "building_id" UUID NOT NULL,
    "status" "AssetStatus" NOT NULL,
    "category" VARCHAR(60) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "asset_counts_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "asset_counts_tenant_id_building_id_status_category_key" ON "asset_counts"("tenant_id", "building_id", "status", "category");

-- CreateIndex
CREATE INDEX "assets_name_trgm_idx" ON "assets" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "assets_tag_trgm_idx" ON "assets" USING GIN ("tag" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "assets_serial_number_trgm_idx" ON "assets" USING GIN ("serial_number" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "buildings_name_trgm_idx" ON "buildings" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "invitations_email_trgm_idx" ON "invitations" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "sites_name_trgm_idx" ON "sites" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "sites_address_trgm_idx" ON "sites" USING GIN ("address" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "users_name_trgm_idx" ON "users" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "users_email_trgm_idx" ON "users" USING GIN ("email" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "asset_counts" ADD CONSTRAINT "asset_counts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_counts" ADD CONSTRAINT "asset_counts_tenant_id_building_id_fkey" FOREIGN KEY ("tenant_id", "building_id") REFERENCES "buildings"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Under row-level security the planner may not use a non-leakproof operator
-- such as ILIKE as an index condition, nor read column statistics for it: a
-- search as the app role reads every row of the tenant whatever the indexes.
-- So the matching runs in a SECURITY DEFINER function, as the schema owner,
-- where the trigram indexes serve it, bound to the tenant by the same
-- predicate as the tenant_isolation policy (no tenant set: no rows). It
-- returns ids only; the caller reads the rows themselves under RLS as usual.
-- EXECUTE … USING plans the query for the actual pattern each time.
CREATE FUNCTION tenantry_search_assets(pattern text) RETURNS SETOF uuid
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT id FROM assets
      WHERE tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid
        AND (name ILIKE $1 OR tag ILIKE $1 OR serial_number ILIKE $1)'
    USING pattern;
END
$$;
REVOKE EXECUTE ON FUNCTION tenantry_search_assets(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenantry_search_assets(text) TO tenantry_app;

-- Tenant-owned: the one tenant policy, like every other tenant table. The app
-- role only reads; the trigger function below writes, as the schema owner.
SELECT tenantry_enable_tenant_rls('"asset_counts"');
GRANT SELECT ON "asset_counts" TO tenantry_app;

-- One statement of inserts, updates or deletes on assets becomes one upsert of
-- its net changes per (building, status, category), in key order, so two
-- transactions meet the counter rows in the same order. An update that leaves
-- those columns alone nets to nothing and touches no counter. Deletes only
-- decrement (never insert), so the cascade of a tenant's deletion cannot
-- recreate a counter its own cascade removed. Counters left at zero stay
-- (stats skips them) until their building goes.
CREATE FUNCTION tenantry_count_assets() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE asset_counts AS c SET count = c.count - d.n
      FROM (SELECT tenant_id, building_id, status, category, count(*)::int AS n
              FROM old_assets GROUP BY 1, 2, 3, 4) AS d
     WHERE c.tenant_id = d.tenant_id AND c.building_id = d.building_id
       AND c.status = d.status AND c.category = d.category;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO asset_counts AS c (tenant_id, building_id, status, category, count)
    SELECT tenant_id, building_id, status, category, count(*)::int
      FROM new_assets GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, building_id, status, category)
      DO UPDATE SET count = c.count + excluded.count;
  ELSE
    INSERT INTO asset_counts AS c (tenant_id, building_id, status, category, count)
    SELECT tenant_id, building_id, status, category, sum(n)::int
      FROM (SELECT tenant_id, building_id, status, category, 1 AS n FROM new_assets
            UNION ALL
            SELECT tenant_id, building_id, status, category, -1 FROM old_assets) AS d
     GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, building_id, status, category)
      DO UPDATE SET count = c.count + excluded.count;
  END IF;
  RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION tenantry_count_assets() FROM PUBLIC;

CREATE TRIGGER assets_count_inserts AFTER INSERT ON "assets"
  REFERENCING NEW TABLE AS new_assets FOR EACH STATEMENT EXECUTE FUNCTION tenantry_count_assets();
CREATE TRIGGER assets_count_updates AFTER UPDATE ON "assets"
  REFERENCING OLD TABLE AS old_assets NEW TABLE AS new_assets
  FOR EACH STATEMENT EXECUTE FUNCTION tenantry_count_assets();
CREATE TRIGGER assets_count_deletes AFTER DELETE ON "assets"
  REFERENCING OLD TABLE AS old_assets FOR EACH STATEMENT EXECUTE FUNCTION tenantry_count_assets();

-- Today's assets, counted once. Row security is off for this statement so that
-- an owner bound by FORCEd RLS fails loudly here instead of counting nothing.
SELECT set_config('row_security', 'off', true);
INSERT INTO asset_counts (tenant_id, building_id, status, category, count)
SELECT tenant_id, building_id, status, category, count(*)::int FROM "assets" GROUP BY 1, 2, 3, 4;
SELECT set_config('row_security', 'on', true);
