import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';

import { Button } from '../components/button.tsx';
import { Empty } from '../components/empty.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { PagedTable } from '../components/paged-table.tsx';
import { SearchBox } from '../components/search-box.tsx';
import { SiteFormDialog } from '../components/site-form.tsx';
import { formatDate } from '../lib/format.ts';
import { keysetPaging } from '../lib/keyset.ts';
import { definedOnly, useSearchParam } from '../lib/use-search-param.ts';
import { useTRPC } from '../trpc.ts';

export function SitesPage() {
  const trpc = useTRPC();
  const [search, setSearch] = useSearchParam();
  const [creating, setCreating] = useState(false);
  const listInput = definedOnly({ limit: 25, search });
  const list = useInfiniteQuery(trpc.site.list.infiniteQueryOptions(listInput, keysetPaging));
  return (
    <>
      <PageHeader
        title="Sites"
        actions={
          <Button
            onClick={() => {
              setCreating(true);
            }}
          >
            New site
          </Button>
        }
      />
      <div className="mb-4">
        <SearchBox label="Search sites" value={search} onChange={setSearch} />
      </div>
      <PagedTable
        label="Sites"
        rowKey={(s) => s.id}
        list={list}
        empty={
          <Empty title={search ? 'No sites match your search.' : 'No sites yet.'}>
            {search ? null : 'Create your first site to add buildings and assets.'}
          </Empty>
        }
        columns={[
          {
            header: 'Name',
            cell: (s) => (
              <Link to={`/sites/${s.id}`} className="font-medium text-accent hover:underline">
                {s.name}
              </Link>
            ),
          },
          { header: 'Address', cell: (s) => s.address ?? '—' },
          { header: 'Buildings', cell: (s) => s._count.buildings, className: 'tabular-nums' },
          { header: 'Created', cell: (s) => formatDate(s.createdAt) },
        ]}
      />
      <SiteFormDialog
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
      />
    </>
  );
}
