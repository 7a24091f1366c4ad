-- Reverses 20261203160617_audit_asset_imports. Each import's counts move into
-- its event's data first, so going down loses no audited fact. Row security
-- is off for this statement so that an owner bound by FORCEd RLS fails loudly
-- instead of moving nothing.
SELECT set_config('row_security', 'off', true);
UPDATE "audit_events" AS e
SET data = e.data || jsonb_build_object(
  'importId', i.id, 'created', i.created, 'updated', i.updated, 'unchanged', i.unchanged, 'batches', i.batches)
FROM "asset_imports" AS i
WHERE i.tenant_id = e.tenant_id AND i.id = e.import_id;
SELECT set_config('row_security', 'on', true);

-- DropForeignKey
ALTER TABLE "public"."audit_events" DROP CONSTRAINT "audit_events_tenant_id_import_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."asset_imports" DROP CONSTRAINT "asset_imports_tenant_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."asset_imports" DROP CONSTRAINT "asset_imports_tenant_id_actor_id_fkey";

-- DropIndex
DROP INDEX "public"."audit_events_one_per_import";

-- AlterTable
ALTER TABLE "public"."audit_events" DROP COLUMN "import_id";

-- DropTable
DROP TABLE "public"."asset_imports";
