import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';

import { AssetFormDialog } from '../components/asset-form.tsx';
import { AssetsTable } from '../components/assets-table.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { CONFIRMED_IN_DIALOG } from '../components/confirm.tsx';
import { BuildingFormDialog } from '../components/building-form.tsx';
import { DetailList } from '../components/detail-list.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ChildSection, RecordActions } from '../components/record-actions.tsx';
import { isGone, RecordFallback } from '../components/record-fallback.tsx';
import { formatDate, plural } from '../lib/format.ts';
import { useRecordCache } from '../lib/record-cache.ts';
import { toast } from '../lib/toast.tsx';
import { useTRPC } from '../trpc.ts';

export function BuildingPage() {
  const trpc = useTRPC();
  const { buildingId = '' } = useParams();
  const navigate = useNavigate();
  const records = useRecordCache();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const building = useQuery(trpc.building.byId.queryOptions({ id: buildingId }));
  const remove = useMutation(
    trpc.building.delete.mutationOptions({
      meta: CONFIRMED_IN_DIALOG,
      onSuccess: (_result, { id }) => {
        toast('Building deleted.');
        void navigate(building.data ? `/sites/${building.data.siteId}` : '/buildings');
        // After leaving the page, so it does not ask for the record it just deleted.
        records.deleted('building', id);
      },
    }),
  );
  if (!building.data || isGone(building)) return <RecordFallback query={building} what="Building" />;
  const b = building.data;
  return (
    <>
      <PageHeader
        title={b.name}
        actions={
          <RecordActions
            noun="building"
            deleteBody={`${b.name} will be deleted. This cannot be undone.`}
            deleteBlocked={
              b._count.assets > 0
                ? `${b.name} still has ${plural(b._count.assets, 'asset')}. Delete them or move them to another building first; then the building can be deleted.`
                : undefined
            }
            onEdit={() => {
              setEditing(true);
            }}
            onDelete={() => remove.mutateAsync({ id: b.id })}
          />
        }
      >
        <Breadcrumbs
          items={[
            { label: 'Sites', to: '/sites' },
            { label: b.site.name, to: `/sites/${b.site.id}` },
            { label: b.name },
          ]}
        />
      </PageHeader>
      <DetailList
        items={[
          ['Site', b.site.name],
          ['Floors', b.floors ?? '—'],
          ['Assets', b._count.assets],
          ['Created', formatDate(b.createdAt)],
        ]}
      />
      <ChildSection
        title="Assets"
        addLabel="Add asset"
        onAdd={() => {
          setAdding(true);
        }}
      >
        <AssetsTable buildingId={b.id} />
      </ChildSection>
      <BuildingFormDialog
        open={editing}
        onClose={() => {
          setEditing(false);
        }}
        building={b}
      />
      <AssetFormDialog
        open={adding}
        onClose={() => {
          setAdding(false);
        }}
        buildingId={b.id}
      />
    </>
  );
}
