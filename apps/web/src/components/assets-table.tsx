import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ASSET_STATUSES, defaultOrder } from '@tenantry/api/schemas';
import type { TAssetSort } from '@tenantry/api/schemas';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { PAGE_SIZES, useAssetListParams } from '../lib/asset-list-params.ts';
import { formatCount, formatDate, humanize } from '../lib/format.ts';
import { keysetPaging } from '../lib/keyset.ts';
import { definedOnly } from '../lib/use-search-param.ts';
import type { RouterOutputs } from '../trpc.ts';
import { useTRPC } from '../trpc.ts';
import { Empty } from './empty.tsx';
import { inputClass } from './field.tsx';
import { FilterSelect } from './filter-select.tsx';
import type { Column } from './paged-table.tsx';
import { PagedTable } from './paged-table.tsx';
import { SearchBox } from './search-box.tsx';
import { Badge } from './status-badge.tsx';

type AssetRow = RouterOutputs['asset']['list']['items'][number];

/** Header clicks go: the column's natural order, then the reverse, then back to newest first. */
function nextSort(current: { sort?: TAssetSort; order?: 'asc' | 'desc' }, key: TAssetSort) {
  if (current.sort !== key) return { sort: key, order: defaultOrder(key) };
  if (current.order === defaultOrder(key))
    return { sort: key, order: current.order === 'asc' ? 'desc' : 'asc' };
  return { sort: undefined, order: undefined };
}

/**
 * The assets list: search, status filter, page size and sortable columns,
 * all in the URL, with the total that matches. `filters` adds more selects to
 * the toolbar (the assets page's site, building and category).
 */
export function AssetsTable({ buildingId, filters }: { buildingId?: string; filters?: ReactNode }) {
  const trpc = useTRPC();
  const params = useAssetListParams();
  const { search, status, category, sort, order, limit, update } = params;
  const where = definedOnly({
    search,
    status,
    category,
    buildingId: buildingId ?? params.buildingId,
    siteId: buildingId ? undefined : params.siteId,
  });
  const list = useInfiniteQuery(
    trpc.asset.list.infiniteQueryOptions({ ...where, ...definedOnly({ sort, order }), limit }, keysetPaging),
  );
  const count = useQuery(trpc.asset.count.queryOptions(where));
  const total = count.data && formatCount(count.data.count, count.data.capped);
  const filtered = Object.keys(where).length > (buildingId ? 1 : 0);
  const columns: Column<AssetRow>[] = [
    { header: 'Tag', sortKey: 'tag', cell: (a) => <span className="font-mono text-xs">{a.tag}</span> },
    {
      header: 'Name',
      sortKey: 'name',
      cell: (a) => (
        <Link to={`/assets/${a.id}`} className="font-medium text-accent hover:underline">
          {a.name}
        </Link>
      ),
    },
    { header: 'Category', sortKey: 'category', cell: (a) => a.category },
    { header: 'Status', sortKey: 'status', cell: (a) => <Badge value={a.status} /> },
    ...(buildingId
      ? []
      : [
          {
            header: 'Location',
            cell: (a: AssetRow) => (
              <Link to={`/buildings/${a.building.id}`} className="hover:underline">
                {a.building.site.name} › {a.building.name}
              </Link>
            ),
          },
        ]),
    { header: 'Updated', sortKey: 'updated', cell: (a) => formatDate(a.updatedAt) },
  ];
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <SearchBox
          label="Search assets by name, tag or serial"
          value={search}
          onChange={(q) => {
            update({ q });
          }}
        />
        <FilterSelect
          label="Status"
          all="All statuses"
          value={status}
          options={ASSET_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
          onChange={(value) => {
            update({ status: value });
          }}
        />
        {filters}
        <label className="flex items-center gap-2 text-sm text-fg-muted">
          Show
          <select
            className={`${inputClass} w-20`}
            value={limit}
            onChange={(e) => {
              update({ size: e.target.value === String(PAGE_SIZES[0]) ? undefined : e.target.value });
            }}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
          <span className="sr-only">assets at a time</span>
        </label>
        <p className="ml-auto text-sm text-fg-muted tabular-nums" aria-live="polite">
          {total === undefined ? '' : `${total} ${total === '1' ? 'asset' : 'assets'}`}
        </p>
      </div>
      <PagedTable
        label="Assets"
        rowKey={(a) => a.id}
        list={list}
        total={total}
        sorting={{
          key: sort,
          order,
          onSort: (key) => {
            update(nextSort({ sort, order }, key as TAssetSort));
          },
        }}
        empty={<Empty title={filtered ? 'No assets match these filters.' : 'No assets yet.'} />}
        columns={columns}
      />
    </>
  );
}
