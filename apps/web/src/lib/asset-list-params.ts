// The assets list's state lives in the URL (?q, status, site, building,
// category, sort, order, size), so a filtered, sorted list survives a reload,
// a shared link and Back from an asset. A value the API would refuse (an id
// that is not one, an unknown sort) is read as no value.
import { ASSET_SORTS, ASSET_STATUSES, defaultOrder, SORT_ORDERS, zId } from '@tenantry/api/schemas';
import type { TAssetSort, TSortOrder } from '@tenantry/api/schemas';
import { useSearchParams } from 'react-router';

import { useSearchParamsPatch } from './use-search-param.ts';

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
type Status = (typeof ASSET_STATUSES)[number];

const oneOf = <T extends string | number>(values: readonly T[], raw: unknown): T | undefined =>
  values.find((v) => String(v) === raw);
const anId = (raw: string | null) => (raw && zId.safeParse(raw).success ? raw : undefined);

/** The params a list link may set: `assetsHref({ status: 'MAINTENANCE' })`. */
export interface AssetListLink {
  status?: Status;
  site?: string;
  building?: string;
  category?: string;
}

export const assetsHref = (link: AssetListLink = {}) => {
  const query = new URLSearchParams(Object.entries(link).filter(([, v]) => v) as [string, string][]);
  return query.size ? `/assets?${query.toString()}` : '/assets';
};

export function useAssetListParams() {
  const [params] = useSearchParams();
  const sort = oneOf<TAssetSort>(ASSET_SORTS, params.get('sort'));
  const state = {
    search: params.get('q') ?? '',
    status: oneOf<Status>(ASSET_STATUSES, params.get('status')),
    siteId: anId(params.get('site')),
    buildingId: anId(params.get('building')),
    category: params.get('category')?.slice(0, 60) || undefined,
    sort,
    order: sort ? (oneOf<TSortOrder>(SORT_ORDERS, params.get('order')) ?? defaultOrder(sort)) : undefined,
    limit: oneOf<PageSize>(PAGE_SIZES, params.get('size')) ?? PAGE_SIZES[0],
  };
  const update = useSearchParamsPatch();
  return { ...state, update };
}
