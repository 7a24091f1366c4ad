-- Reverses the sort indexes to the (tenant_id, status) and (tenant_id, category) indexes.

-- DropIndex
DROP INDEX "public"."assets_tenant_id_status_id_idx";

-- DropIndex
DROP INDEX "public"."assets_tenant_id_category_id_idx";

-- DropIndex
DROP INDEX "public"."assets_tenant_id_updated_at_id_idx";

-- CreateIndex
CREATE INDEX "assets_tenant_id_category_idx" ON "public"."assets"("tenant_id" ASC, "category" ASC);

-- CreateIndex
CREATE INDEX "assets_tenant_id_status_idx" ON "public"."assets"("tenant_id" ASC, "status" ASC);
