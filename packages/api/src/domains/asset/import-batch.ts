// One import, many batches: the asset.import calls that share an importId add
// their counts to one asset_imports row, and the import's one audit event
// (written by the batch that creates the row) reads its totals from there.
// Audit events are append-only, so the counts cannot live in the event itself.
import { AppError } from '../../errors/catalog.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';

export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A later batch may join its import only this long after the previous one. */
const IMPORT_IDLE_LIMIT = '1 hour';

/**
 * Adds one batch's counts to its import, in the batch's transaction, and says
 * whether this batch started it. Parallel batches of one import wait on the
 * row's unique key, so each adds to the total its predecessor committed and
 * exactly one of them inserts. An importId is the caller's own: another
 * tenant's is another row (the key includes the tenant); another member's, or
 * one idle for over an hour, is refused rather than reopened.
 */
export async function addImportBatch(ctx: TenantContext, importId: string, counts: BatchCounts) {
  const rows = await ctx.db.$queryRaw<{ batches: number }[]>`
    insert into asset_imports (tenant_id, id, actor_id, created, updated, unchanged)
    values (${ctx.tenant.id}::uuid, ${importId}::uuid, ${ctx.user.id}::uuid,
            ${counts.created}, ${counts.updated}, ${counts.unchanged})
    on conflict (tenant_id, id) do update set
      created = asset_imports.created + excluded.created,
      updated = asset_imports.updated + excluded.updated,
      unchanged = asset_imports.unchanged + excluded.unchanged,
      batches = asset_imports.batches + 1,
      last_batch_at = greatest(asset_imports.last_batch_at, now())
    where asset_imports.actor_id = excluded.actor_id
      and asset_imports.last_batch_at > now() - ${IMPORT_IDLE_LIMIT}::interval
    returning batches`;
  const [row] = rows;
  if (!row) throw new AppError('IMPORT_CLOSED');
  return { started: row.batches === 1 };
}
