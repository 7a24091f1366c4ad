// After a site, building or asset changes, every view of it goes stale at once: its page, the
// lists and counts it appears in, and the pages of the records that show its name (an asset's
// breadcrumbs name its building and site). A deleted record's own page is dropped from the cache,
// so Back to it asks the server and shows "not found", never the old record with Edit and Delete.
import { useQueryClient } from '@tanstack/react-query';

import { useTRPC } from '../trpc.ts';

export type RecordKind = 'site' | 'building' | 'asset';

export function useRecordCache() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const changed = () => {
    for (const domain of [trpc.site, trpc.building, trpc.asset]) {
      void queryClient.invalidateQueries({ queryKey: domain.pathKey() });
    }
  };
  const deleted = (kind: RecordKind, id: string) => {
    const byId = { site: trpc.site.byId, building: trpc.building.byId, asset: trpc.asset.byId }[kind];
    queryClient.removeQueries({ queryKey: byId.queryKey({ id }) });
    changed();
  };
  return { changed, deleted };
}
