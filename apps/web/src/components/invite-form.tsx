import { zodResolver } from '@hookform/resolvers/zod';
import { ZCreateInvitationInput } from '@tenantry/api/schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';

import { errorMessage, fieldErrors } from '../lib/errors.ts';
import { plural } from '../lib/format.ts';
import { applyServerErrors } from '../lib/use-server-errors.ts';
import { useTRPC } from '../trpc.ts';
import { Button } from './button.tsx';
import { CopyField } from './copy-field.tsx';
import { Field, inputClass } from './field.tsx';
import { FormAlert } from './form-alert.tsx';

/** What holds the organization's seats: a pending invitation holds one until it is accepted. */
export interface Seats {
  total: number;
  members: number;
  pending: number;
}

/** Invite by email; the server returns the token once, so the link is shown once. */
interface Props {
  canInviteAdmins: boolean;
  seats: Seats;
  /** The last invitation created here, so the page can drop its link once it is revoked. */
  created: { id: string; link: string } | null;
  onCreated: (created: { id: string; link: string } | null) => void;
}

export function InviteForm({ canInviteAdmins, seats, created, onCreated }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(ZCreateInvitationInput),
    defaultValues: { email: '', role: 'MEMBER' },
  });
  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      // Its error shows in the form (on a field, or above them), not in a toast.
      meta: { toast: false },
      onSuccess: ({ invitation, token }) => {
        onCreated({
          id: invitation.id,
          link: `${window.location.origin}/invite/${encodeURIComponent(token)}`,
        });
        form.reset();
        void queryClient.invalidateQueries({ queryKey: trpc.invitation.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.organization.current.queryKey() });
      },
      onError: (error) => {
        applyServerErrors(error, form.setError, ['email', 'role']);
      },
    }),
  );
  const { errors } = form.formState;
  const taken = seats.members + seats.pending;
  const full = taken >= seats.total;
  // An error no field owns (seats taken meanwhile, the network) goes above the fields.
  const formError = invite.error && Object.keys(fieldErrors(invite.error)).length === 0 ? invite.error : null;
  const onSubmit = form.handleSubmit((values) => {
    onCreated(null);
    invite.mutate(values);
  });
  return (
    <section
      aria-labelledby="invite-heading"
      className="mb-8 rounded-lg bg-surface p-5 shadow-xs ring-1 ring-line"
    >
      <h2 id="invite-heading" className="mb-4 text-lg font-semibold text-fg">
        Invite someone
      </h2>
      <p id="invite-seats" className="mb-4 text-sm text-fg-muted">
        {taken} of {seats.total} seats taken: {plural(seats.members, 'member')}
        {seats.pending ? `, ${plural(seats.pending, 'pending invitation')}` : ''}.
        {full ? (
          <>
            {' '}
            <strong className="font-medium text-fg">
              Every seat is taken, so nobody can be invited. Revoke a pending invitation, deactivate a member,
              or add seats in{' '}
              <Link to="/settings" className="text-accent underline">
                Organization settings
              </Link>
              .
            </strong>
          </>
        ) : null}
      </p>
      {formError ? <FormAlert>{errorMessage(formError)}</FormAlert> : null}
      <form
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        aria-describedby="invite-seats"
        className="flex flex-wrap items-start gap-3"
      >
        <div className="min-w-64 flex-1">
          <Field label="Email" error={errors.email?.message}>
            <input type="email" className={inputClass} {...form.register('email')} />
          </Field>
        </div>
        <div className="w-40">
          <Field label="Role" error={errors.role?.message}>
            <select className={inputClass} {...form.register('role')}>
              <option value="MEMBER">Member</option>
              {canInviteAdmins ? <option value="ADMIN">Admin</option> : null}
            </select>
          </Field>
        </div>
        <Button type="submit" className="mt-6" disabled={invite.isPending || full}>
          Create invitation
        </Button>
      </form>
      {created ? (
        <div className="mt-4 rounded-md bg-accent-soft p-4 ring-1 ring-line">
          <CopyField label="Invitation link — copy it now, it is shown only once" value={created.link} />
        </div>
      ) : null}
    </section>
  );
}
