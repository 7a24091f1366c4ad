import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';

import { formatDate } from '../lib/format.ts';
import { toast } from '../lib/toast.tsx';
import { keysetPaging } from '../lib/keyset.ts';
import { useTRPC } from '../trpc.ts';
import { CONFIRMED_IN_DIALOG, ConfirmButton } from './confirm.tsx';
import { Empty } from './empty.tsx';
import { PagedTable } from './paged-table.tsx';
import { Badge } from './status-badge.tsx';

export function InvitationsTable({ onRevoked }: { onRevoked: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listInput = { status: 'pending' as const, limit: 25 };
  const list = useInfiniteQuery(trpc.invitation.list.infiniteQueryOptions(listInput, keysetPaging));
  const revoke = useMutation(
    trpc.invitation.revoke.mutationOptions({
      meta: CONFIRMED_IN_DIALOG,
      onSuccess: ({ id }) => {
        onRevoked(id);
        toast('Invitation revoked.');
        void queryClient.invalidateQueries({ queryKey: trpc.invitation.pathKey() });
        // The seat it held is free again.
        void queryClient.invalidateQueries({ queryKey: trpc.organization.current.queryKey() });
      },
    }),
  );
  return (
    <section aria-labelledby="pending-heading" className="mb-8">
      <h2 id="pending-heading" className="mb-3 text-lg font-semibold text-fg">
        Pending invitations
      </h2>
      <PagedTable
        label="Pending invitations"
        rowKey={(i) => i.id}
        list={list}
        empty={<Empty title="No pending invitations." />}
        columns={[
          { header: 'Email', cell: (i) => i.email },
          { header: 'Role', cell: (i) => <Badge value={i.role} /> },
          { header: 'Invited by', cell: (i) => i.invitedBy.name },
          { header: 'Expires', cell: (i) => formatDate(i.expiresAt) },
          {
            header: 'Actions',
            cell: (i) => (
              <ConfirmButton
                small
                label="Revoke"
                title="Revoke this invitation?"
                body={`The link sent to ${i.email} will stop working.`}
                confirmLabel="Revoke"
                onConfirm={() => revoke.mutateAsync({ id: i.id })}
              />
            ),
          },
        ]}
      />
    </section>
  );
}
