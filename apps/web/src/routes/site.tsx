import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';

import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { CONFIRMED_IN_DIALOG } from '../components/confirm.tsx';
import { BuildingFormDialog } from '../components/building-form.tsx';
import { BuildingsTable } from '../components/buildings-table.tsx';
import { DetailList } from '../components/detail-list.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ChildSection, RecordActions } from '../components/record-actions.tsx';
import { isGone, RecordFallback } from '../components/record-fallback.tsx';
import { SiteFormDialog } from '../components/site-form.tsx';
import { formatDate, plural } from '../lib/format.ts';
import { useRecordCache } from '../lib/record-cache.ts';
import { toast } from '../lib/toast.tsx';
import { useTRPC } from '../trpc.ts';

export function SitePage() {
  const trpc = useTRPC();
  const { siteId = '' } = useParams();
  const navigate = useNavigate();
  const records = useRecordCache();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const site = useQuery(trpc.site.byId.queryOptions({ id: siteId }));
  const remove = useMutation(
    trpc.site.delete.mutationOptions({
      meta: CONFIRMED_IN_DIALOG,
      onSuccess: (_result, { id }) => {
        toast('Site deleted.');
        void navigate('/sites');
        // After leaving the page, so it does not ask for the record it just deleted.
        records.deleted('site', id);
      },
    }),
  );
  if (!site.data || isGone(site)) return <RecordFallback query={site} what="Site" />;
  const s = site.data;
  return (
    <>
      <PageHeader
        title={s.name}
        actions={
          <RecordActions
            noun="site"
            deleteBody={`${s.name} will be deleted. This cannot be undone.`}
            deleteBlocked={
              s._count.buildings > 0
                ? `${s.name} still has ${plural(s._count.buildings, 'building')}. Delete them first; then the site can be deleted.`
                : undefined
            }
            onEdit={() => {
              setEditing(true);
            }}
            onDelete={() => remove.mutateAsync({ id: s.id })}
          />
        }
      >
        <Breadcrumbs items={[{ label: 'Sites', to: '/sites' }, { label: s.name }]} />
      </PageHeader>
      <DetailList
        items={[
          ['Address', s.address ?? '—'],
          ['Buildings', s._count.buildings],
          ['Created', formatDate(s.createdAt)],
          ['Updated', formatDate(s.updatedAt)],
        ]}
      />
      <ChildSection
        title="Buildings"
        addLabel="Add building"
        onAdd={() => {
          setAdding(true);
        }}
      >
        <BuildingsTable siteId={s.id} />
      </ChildSection>
      <SiteFormDialog
        open={editing}
        onClose={() => {
          setEditing(false);
        }}
        site={s}
      />
      <BuildingFormDialog
        open={adding}
        onClose={() => {
          setAdding(false);
        }}
        siteId={s.id}
      />
    </>
  );
}
