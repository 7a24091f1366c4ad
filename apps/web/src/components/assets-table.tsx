import { useInfiniteQuery } from '@tanstack/react-query';
import { ASSET_STATUSES } from '@tenantry/api/schemas';
import { Link } from 'react-router';

import { humanize } from '../lib/format.ts';
import { keysetPaging } from '../lib/keyset.ts';
import { definedOnly, useSearchParam } from '../lib/use-search-param.ts';
import { useTRPC } from '../trpc.ts';
import { Empty } from './empty.tsx';
import { inputClass } from './field.tsx';
import { PagedTable } from './paged-table.tsx';
import { SearchBox } from './search-box.tsx';
import { Badge } from './status-badge.tsx';

type Status = (typeof ASSET_STATUSES)[number];
const isStatus = (v: string): v is Status => (ASSET_STATUSES as readonly string[]).includes(v);

export function AssetsTable({ buildingId }: { buildingId?: string }) {
  const trpc = useTRPC();
  const [search, setSearch] = useSearchParam();
  const [statusParam, setStatus] = useSearchParam('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const listInput = definedOnly({ limit: 25, search, buildingId, status });
  const list = useInfiniteQuery(trpc.asset.list.infiniteQueryOptions(listInput, keysetPaging));
  return (
    <>
      <div className="mb-4 flex flex-wrap gap-3">
        <SearchBox label="Search assets by name, tag or serial" value={search} onChange={setSearch} />
        <label className="w-48">
          <span className="sr-only">Status</span>
          <select
            className={inputClass}
            value={status ?? ''}
            onChange={(e) => {
              setStatus(e.target.value);
            }}
          >
            <option value="">All statuses</option>
            {ASSET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <PagedTable
        label="Assets"
        rowKey={(a) => a.id}
        list={list}
        empty={<Empty title={search || status ? 'No assets match these filters.' : 'No assets yet.'} />}
        columns={[
          { header: 'Tag', cell: (a) => <span className="font-mono text-xs">{a.tag}</span> },
          {
            header: 'Name',
            cell: (a) => (
              <Link to={`/assets/${a.id}`} className="font-medium text-accent hover:underline">
                {a.name}
              </Link>
            ),
          },
          { header: 'Category', cell: (a) => a.category },
          { header: 'Status', cell: (a) => <Badge value={a.status} /> },
          ...(buildingId
            ? []
            : [
                {
                  header: 'Location',
                  cell: (a: { building: { id: string; name: string; site: { name: string } } }) => (
                    <Link to={`/buildings/${a.building.id}`} className="hover:underline">
                      {a.building.site.name} › {a.building.name}
                    </Link>
                  ),
                },
              ]),
        ]}
      />
    </>
  );
}
