// The overview's counts. The API has no aggregate procedure, so we page through
// asset.list (100 at a time) up to a fixed bound and say so when we stop early.
import type { AppRouter } from '@tenantry/api';
import type { TRPCClient } from '@trpc/client';

export const STATS_MAX_PAGES = 20;

export interface AssetStats {
  total: number;
  truncated: boolean;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
  bySite: Record<string, number>;
}

function bump(counts: Record<string, number>, key: string) {
  counts[key] = (counts[key] ?? 0) + 1;
}

export async function loadAssetStats(client: TRPCClient<AppRouter>): Promise<AssetStats> {
  const stats: AssetStats = { total: 0, truncated: false, byStatus: {}, byCategory: {}, bySite: {} };
  let cursor: string | undefined;
  for (let page = 0; page < STATS_MAX_PAGES; page++) {
    const result = await client.asset.list.query(cursor ? { limit: 100, cursor } : { limit: 100 });
    for (const asset of result.items) {
      stats.total++;
      bump(stats.byStatus, asset.status);
      bump(stats.byCategory, asset.category);
      bump(stats.bySite, asset.building.site.name);
    }
    if (!result.nextCursor) return stats;
    cursor = result.nextCursor;
  }
  stats.truncated = true;
  return stats;
}
