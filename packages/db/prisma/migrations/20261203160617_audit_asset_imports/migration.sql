-- One audit event per asset import. Audit events stay append-only (the app
-- role may only insert and read them), so an import's running counts live in
-- asset_imports: each asset.import batch adds its counts to its import's row
-- (insert ... on conflict do update, in the batch's transaction), and the
-- batch that inserts the row writes the import's one event, which points at it.

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "import_id" UUID;

-- CreateTable
CREATE TABLE "asset_imports" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "batches" INTEGER NOT NULL DEFAULT 1,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_batch_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "asset_imports_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_one_per_import" ON "audit_events"("tenant_id", "import_id") WHERE (import_id IS NOT NULL);

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_tenant_id_import_id_fkey" FOREIGN KEY ("tenant_id", "import_id") REFERENCES "asset_imports"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_imports" ADD CONSTRAINT "asset_imports_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_imports" ADD CONSTRAINT "asset_imports_tenant_id_actor_id_fkey" FOREIGN KEY ("tenant_id", "actor_id") REFERENCES "users"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Imports that a down migration folded into their events' data come back.
SELECT set_config('row_security', 'off', true);
INSERT INTO "asset_imports" (tenant_id, id, actor_id, created, updated, unchanged, batches, started_at, last_batch_at)
SELECT tenant_id, (data->>'importId')::uuid, actor_id, (data->>'created')::int, (data->>'updated')::int,
  (data->>'unchanged')::int, (data->>'batches')::int, at, at
FROM "audit_events"
WHERE action = 'asset.import' AND data ? 'importId' AND data ? 'batches' AND actor_id IS NOT NULL;
UPDATE "audit_events"
SET import_id = (data->>'importId')::uuid,
  data = data - 'importId' - 'created' - 'updated' - 'unchanged' - 'batches'
WHERE action = 'asset.import' AND data ? 'importId' AND data ? 'batches' AND actor_id IS NOT NULL;
SELECT set_config('row_security', 'on', true);

SELECT tenantry_enable_tenant_rls('"asset_imports"');
GRANT SELECT, INSERT, UPDATE ON "asset_imports" TO tenantry_app;
