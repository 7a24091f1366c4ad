import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { CONFIRMED_IN_DIALOG, ConfirmButton } from '../components/confirm.tsx';
import { Empty } from '../components/empty.tsx';
import { inputClass } from '../components/field.tsx';
import { InvitationsTable } from '../components/invitations-table.tsx';
import { InviteForm } from '../components/invite-form.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { PagedTable } from '../components/paged-table.tsx';
import { SearchBox } from '../components/search-box.tsx';
import { Badge } from '../components/status-badge.tsx';
import { formatDate } from '../lib/format.ts';
import { atLeast, useCurrent } from '../lib/me.ts';
import { toast } from '../lib/toast.tsx';
import { keysetPaging } from '../lib/keyset.ts';
import { definedOnly, useSearchParam } from '../lib/use-search-param.ts';
import { useTRPC } from '../trpc.ts';

export function MembersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useCurrent().data;
  const me = current?.me;
  const isAdmin = atLeast(me?.role, 'ADMIN');
  const isOwner = me?.role === 'OWNER';
  const [search, setSearch] = useSearchParam();
  const [invited, setInvited] = useState<{ id: string; link: string } | null>(null);
  const listInput = definedOnly({ limit: 25, search });
  const list = useInfiniteQuery(trpc.organization.members.infiniteQueryOptions(listInput, keysetPaging));
  const refresh = (message: string) => {
    toast(message);
    void queryClient.invalidateQueries({ queryKey: trpc.organization.pathKey() });
  };
  const updateRole = useMutation(
    trpc.member.updateRole.mutationOptions({
      onSuccess: () => {
        refresh('Role changed.');
      },
    }),
  );
  const deactivate = useMutation(
    trpc.member.deactivate.mutationOptions({
      meta: CONFIRMED_IN_DIALOG,
      onSuccess: () => {
        refresh('Member deactivated.');
      },
    }),
  );
  const reactivate = useMutation(
    trpc.member.reactivate.mutationOptions({
      meta: CONFIRMED_IN_DIALOG,
      onSuccess: () => {
        refresh('Member reactivated.');
      },
    }),
  );
  const transfer = useMutation(
    trpc.member.transferOwnership.mutationOptions({
      meta: CONFIRMED_IN_DIALOG,
      onSuccess: () => {
        refresh('Ownership transferred.');
      },
    }),
  );

  return (
    <>
      <PageHeader title="Members" />
      {isAdmin && current ? (
        <InviteForm
          canInviteAdmins={isAdmin}
          seats={{
            total: current.organization.seats,
            members: current.seatsUsed,
            pending: current.seatsPending,
          }}
          created={invited}
          onCreated={setInvited}
        />
      ) : null}
      {isAdmin ? (
        <InvitationsTable
          onRevoked={(id) => {
            if (invited?.id === id) setInvited(null);
          }}
        />
      ) : null}
      <h2 className="mb-3 text-lg font-semibold text-fg">People</h2>
      <div className="mb-4">
        <SearchBox label="Search members" value={search} onChange={setSearch} />
      </div>
      <PagedTable
        label="Members"
        rowKey={(m) => m.id}
        list={list}
        empty={<Empty title="No members match your search." />}
        columns={[
          {
            header: 'Name',
            cell: (m) => (
              <div>
                <div className="font-medium text-fg">
                  {m.name}
                  {m.id === me?.id ? <span className="ml-1 text-xs text-fg-subtle">(you)</span> : null}
                </div>
                <div className="text-xs text-fg-subtle">{m.email}</div>
              </div>
            ),
          },
          {
            header: 'Role',
            cell: (m) =>
              isAdmin && m.role !== 'OWNER' && m.id !== me?.id ? (
                <label className="block w-32">
                  <span className="sr-only">Role of {m.name}</span>
                  <select
                    className={`${inputClass} py-1`}
                    value={m.role}
                    disabled={updateRole.isPending}
                    onChange={(e) => {
                      updateRole.mutate({
                        userId: m.id,
                        role: e.target.value === 'ADMIN' ? 'ADMIN' : 'MEMBER',
                      });
                    }}
                  >
                    <option value="MEMBER">Member</option>
                    <option value="ADMIN">Admin</option>
                  </select>
                </label>
              ) : (
                <Badge value={m.role} />
              ),
          },
          {
            header: 'Status',
            cell: (m) =>
              m.isActive ? (
                <Badge
                  value="ACTIVE"
                  color="bg-emerald-50 dark:bg-emerald-950/50 text-emerald-700 dark:text-emerald-300 ring-emerald-600/20"
                />
              ) : (
                <Badge value="DEACTIVATED" color="bg-surface-strong text-fg-muted ring-slate-500/20" />
              ),
          },
          { header: 'Joined', cell: (m) => formatDate(m.joinedAt) },
          {
            header: 'Actions',
            cell: (m) =>
              isAdmin && m.id !== me?.id && m.role !== 'OWNER' ? (
                <div className="flex gap-2">
                  {m.isActive ? (
                    <ConfirmButton
                      small
                      label="Deactivate"
                      title={`Deactivate ${m.name}?`}
                      body="They are signed out at once and cannot sign in until reactivated. Their seat is freed."
                      confirmLabel="Deactivate"
                      onConfirm={() => deactivate.mutateAsync({ userId: m.id })}
                    />
                  ) : (
                    <ConfirmButton
                      small
                      variant="primary"
                      label="Reactivate"
                      title={`Reactivate ${m.name}?`}
                      body="They take a seat again and can sign in."
                      confirmLabel="Reactivate"
                      onConfirm={() => reactivate.mutateAsync({ userId: m.id })}
                    />
                  )}
                  {isOwner && m.isActive ? (
                    <ConfirmButton
                      small
                      label="Make owner"
                      title={`Transfer ownership to ${m.name}?`}
                      body="They become the owner. You stay on as an admin."
                      confirmLabel="Transfer ownership"
                      onConfirm={() => transfer.mutateAsync({ userId: m.id })}
                    />
                  ) : null}
                </div>
              ) : (
                <span className="text-xs text-fg-subtle">—</span>
              ),
          },
        ]}
      />
    </>
  );
}
