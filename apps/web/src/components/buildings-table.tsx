import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';

import { keysetPaging } from '../lib/keyset.ts';
import { definedOnly, useSearchParam } from '../lib/use-search-param.ts';
import { useTRPC } from '../trpc.ts';
import { Empty } from './empty.tsx';
import { PagedTable } from './paged-table.tsx';
import { SearchBox } from './search-box.tsx';

export function BuildingsTable({ siteId }: { siteId?: string }) {
  const trpc = useTRPC();
  const [search, setSearch] = useSearchParam();
  const listInput = definedOnly({ limit: 25, search, siteId });
  const list = useInfiniteQuery(trpc.building.list.infiniteQueryOptions(listInput, keysetPaging));
  return (
    <>
      <div className="mb-4">
        <SearchBox label="Search buildings" value={search} onChange={setSearch} />
      </div>
      <PagedTable
        label="Buildings"
        rowKey={(b) => b.id}
        list={list}
        empty={<Empty title={search ? 'No buildings match your search.' : 'No buildings yet.'} />}
        columns={[
          {
            header: 'Name',
            cell: (b) => (
              <Link to={`/buildings/${b.id}`} className="font-medium text-accent hover:underline">
                {b.name}
              </Link>
            ),
          },
          ...(siteId
            ? []
            : [
                {
                  header: 'Site',
                  cell: (b: { site: { id: string; name: string } }) => (
                    <Link to={`/sites/${b.site.id}`} className="hover:underline">
                      {b.site.name}
                    </Link>
                  ),
                },
              ]),
          { header: 'Floors', cell: (b) => b.floors ?? '—', className: 'tabular-nums' },
          { header: 'Assets', cell: (b) => b._count.assets, className: 'tabular-nums' },
        ]}
      />
    </>
  );
}
