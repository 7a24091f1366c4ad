-- Reverses 20261203083548_search_and_asset_counts: the counters (derived
-- data, rebuilt by the up migration), their triggers, the trigram indexes and
-- pg_trgm itself, which this migration brought in.
DROP TRIGGER assets_count_inserts ON "assets";
DROP TRIGGER assets_count_updates ON "assets";
DROP TRIGGER assets_count_deletes ON "assets";
DROP FUNCTION tenantry_count_assets();
DROP FUNCTION tenantry_search_assets(text);

-- DropForeignKey
ALTER TABLE "public"."asset_counts" DROP CONSTRAINT "asset_counts_tenant_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."asset_counts" DROP CONSTRAINT "asset_counts_tenant_id_building_id_fkey";

-- DropIndex
DROP INDEX "public"."users_name_trgm_idx";

-- DropIndex
DROP INDEX "public"."users_email_trgm_idx";

-- DropIndex
DROP INDEX "public"."invitations_email_trgm_idx";

-- DropIndex
DROP INDEX "public"."sites_name_trgm_idx";

-- DropIndex
DROP INDEX "public"."sites_address_trgm_idx";

-- DropIndex
DROP INDEX "public"."buildings_name_trgm_idx";

-- DropIndex
DROP INDEX "public"."assets_name_trgm_idx";

-- DropIndex
DROP INDEX "public"."assets_tag_trgm_idx";

-- DropIndex
DROP INDEX "public"."assets_serial_number_trgm_idx";

-- DropTable
DROP TABLE "public"."asset_counts";

DROP EXTENSION IF EXISTS pg_trgm;
