// The assets page's filters by site, building and category, kept in the URL
// with the rest of the list's state. Their options load with the page: the
// buildings of the chosen site (or all of them), and the categories in use.
// A list of options that fails to load leaves its select with "All" only.
import { useQuery } from '@tanstack/react-query';

import { useAssetListParams } from '../lib/asset-list-params.ts';
import { useTRPC } from '../trpc.ts';
import { FilterSelect } from './filter-select.tsx';

/** The most options a select offers (the API's page size). */
const OPTIONS_MAX = 100;

export function AssetLocationFilters() {
  const trpc = useTRPC();
  const { siteId, buildingId, category, update } = useAssetListParams();
  const sites = useQuery(trpc.site.list.queryOptions({ limit: OPTIONS_MAX }));
  const buildings = useQuery(
    trpc.building.list.queryOptions({ limit: OPTIONS_MAX, ...(siteId ? { siteId } : {}) }),
  );
  const stats = useQuery({ ...trpc.asset.stats.queryOptions(), staleTime: 30_000 });
  return (
    <>
      <FilterSelect
        label="Site"
        all="All sites"
        value={siteId}
        options={sites.data?.items.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(site) => {
          // A building belongs to one site: choosing a site drops the building.
          update({ site, building: undefined });
        }}
      />
      <FilterSelect
        label="Building"
        all="All buildings"
        value={buildingId}
        options={buildings.data?.items.map((b) => ({
          value: b.id,
          label: siteId ? b.name : `${b.site.name} › ${b.name}`,
        }))}
        onChange={(building) => {
          update({ building });
        }}
      />
      <FilterSelect
        label="Category"
        all="All categories"
        value={category}
        options={Object.keys(stats.data?.byCategory ?? {})
          .sort((a, b) => a.localeCompare(b))
          .map((c) => ({ value: c, label: c }))}
        onChange={(value) => {
          update({ category: value });
        }}
      />
    </>
  );
}
