import { zodResolver } from '@hookform/resolvers/zod';
import { ZCreateInvitationInput } from '@tenantry/api/schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';

import { applyServerErrors } from '../lib/use-server-errors.ts';
import { useTRPC } from '../trpc.ts';
import { Button } from './button.tsx';
import { CopyField } from './copy-field.tsx';
import { Field, inputClass } from './field.tsx';

/** Invite by email; the server returns the token once, so the link is shown once. */
interface Props {
  canInviteAdmins: boolean;
  /** The last invitation created here, so the page can drop its link once it is revoked. */
  created: { id: string; link: string } | null;
  onCreated: (created: { id: string; link: string } | null) => void;
}

export function InviteForm({ canInviteAdmins, created, onCreated }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(ZCreateInvitationInput),
    defaultValues: { email: '', role: 'MEMBER' },
  });
  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: ({ invitation, token }) => {
        onCreated({
          id: invitation.id,
          link: `${window.location.origin}/invite/${encodeURIComponent(token)}`,
        });
        form.reset();
        void queryClient.invalidateQueries({ queryKey: trpc.invitation.pathKey() });
      },
      onError: (error) => {
        applyServerErrors(error, form.setError, ['email', 'role']);
      },
    }),
  );
  const { errors } = form.formState;
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
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="flex flex-wrap items-start gap-3">
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
        <Button type="submit" className="mt-6" disabled={invite.isPending}>
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
