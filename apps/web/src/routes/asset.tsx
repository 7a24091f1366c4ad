import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';

import { AssetFormDialog } from '../components/asset-form.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { CONFIRMED_IN_DIALOG } from '../components/confirm.tsx';
import { DetailList } from '../components/detail-list.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { RecordActions } from '../components/record-actions.tsx';
import { isGone, RecordFallback } from '../components/record-fallback.tsx';
import { Badge } from '../components/status-badge.tsx';
import { formatDate } from '../lib/format.ts';
import { useRecordCache } from '../lib/record-cache.ts';
import { toast } from '../lib/toast.tsx';
import { useTRPC } from '../trpc.ts';

export function AssetPage() {
  const trpc = useTRPC();
  const { assetId = '' } = useParams();
  const navigate = useNavigate();
  const records = useRecordCache();
  const [editing, setEditing] = useState(false);
  const asset = useQuery(trpc.asset.byId.queryOptions({ id: assetId }));
  const remove = useMutation(
    trpc.asset.delete.mutationOptions({
      meta: CONFIRMED_IN_DIALOG,
      onSuccess: (_result, { id }) => {
        toast('Asset deleted.');
        void navigate(asset.data ? `/buildings/${asset.data.buildingId}` : '/assets');
        // After leaving the page, so it does not ask for the record it just deleted.
        records.deleted('asset', id);
      },
    }),
  );
  if (!asset.data || isGone(asset)) return <RecordFallback query={asset} what="Asset" />;
  const a = asset.data;
  return (
    <>
      <PageHeader
        title={a.name}
        actions={
          <RecordActions
            noun="asset"
            deleteBody={`${a.tag} · ${a.name} will be deleted. This cannot be undone.`}
            onEdit={() => {
              setEditing(true);
            }}
            onDelete={() => remove.mutateAsync({ id: a.id })}
          />
        }
      >
        <Breadcrumbs
          items={[
            { label: 'Sites', to: '/sites' },
            { label: a.building.site.name, to: `/sites/${a.building.site.id}` },
            { label: a.building.name, to: `/buildings/${a.building.id}` },
            { label: a.tag },
          ]}
        />
      </PageHeader>
      <DetailList
        items={[
          ['Tag', <span className="font-mono">{a.tag}</span>],
          ['Status', <Badge value={a.status} />],
          ['Category', a.category],
          ['Serial number', a.serialNumber ?? '—'],
          ['Installed', formatDate(a.installedAt)],
          ['Created', formatDate(a.createdAt)],
          ['Updated', formatDate(a.updatedAt)],
        ]}
      />
      <AssetFormDialog
        open={editing}
        onClose={() => {
          setEditing(false);
        }}
        asset={a}
      />
    </>
  );
}
