import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';

import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { BuildingFormDialog } from '../components/building-form.tsx';
import { BuildingsTable } from '../components/buildings-table.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmButton } from '../components/confirm.tsx';
import { DetailList } from '../components/detail-list.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { SiteFormDialog } from '../components/site-form.tsx';
import { SkeletonRows } from '../components/skeleton.tsx';
import { formatDate } from '../lib/format.ts';
import { useIsAdmin } from '../lib/me.ts';
import { toast } from '../lib/toast.ts';
import { useTRPC } from '../trpc.ts';
import { NotFound } from './not-found.tsx';

export function SitePage() {
  const trpc = useTRPC();
  const { siteId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isAdmin = useIsAdmin();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const site = useQuery(trpc.site.byId.queryOptions({ id: siteId }));
  const remove = useMutation(
    trpc.site.delete.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.site.pathKey() });
        toast('Site deleted.');
        void navigate('/sites');
      },
    }),
  );
  if (site.isPending) return <SkeletonRows />;
  if (!site.data) return <NotFound what="Site" />;
  const s = site.data;
  return (
    <>
      <PageHeader
        title={s.name}
        actions={
          <>
            <Button
              variant="secondary"
              onClick={() => {
                setEditing(true);
              }}
            >
              Edit
            </Button>
            {isAdmin ? (
              <ConfirmButton
                label="Delete"
                title="Delete this site?"
                body={`${s.name} will be deleted. A site that still has buildings cannot be deleted.`}
                confirmLabel="Delete site"
                onConfirm={() => remove.mutateAsync({ id: s.id })}
              />
            ) : null}
          </>
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
      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-lg font-semibold text-slate-900">Buildings</h2>
        <Button
          small
          onClick={() => {
            setAdding(true);
          }}
        >
          Add building
        </Button>
      </div>
      <BuildingsTable siteId={s.id} />
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
