-- Sortable asset lists (issue 17, item 10). asset.list pages by keyset on
-- (sort key, id) under every sort, so each key gets a (tenant_id, key, id)
-- index: status and category replace their (tenant_id, key) indexes, which the
-- new ones serve as well (a filter on either, newest first, walks the new
-- index in order), and updated_at is new. name already has one; tag is unique
-- per tenant, so its unique index orders it.

-- DropIndex
DROP INDEX "assets_tenant_id_category_idx";

-- DropIndex
DROP INDEX "assets_tenant_id_status_idx";

-- CreateIndex
CREATE INDEX "assets_tenant_id_status_id_idx" ON "assets"("tenant_id", "status", "id");

-- CreateIndex
CREATE INDEX "assets_tenant_id_category_id_idx" ON "assets"("tenant_id", "category", "id");

-- CreateIndex
CREATE INDEX "assets_tenant_id_updated_at_id_idx" ON "assets"("tenant_id", "updated_at", "id");
