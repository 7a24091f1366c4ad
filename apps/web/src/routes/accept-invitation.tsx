import { zodResolver } from '@hookform/resolvers/zod';
import { ZAcceptInvitationInput } from '@tenantry/api/schemas';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';

import { AuthCard } from '../components/auth-card.tsx';
import { Button } from '../components/button.tsx';
import { Field, inputClass } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { errorMessage } from '../lib/errors.ts';
import { markSignedIn } from '../lib/session.ts';
import { applyServerErrors } from '../lib/use-server-errors.ts';
import { useTRPC } from '../trpc.ts';
import type { RouterOutputs } from '../trpc.ts';

const FIELDS = ['email', 'name', 'password'] as const;

type Preview = RouterOutputs['invitation']['preview'];

/** Checks the link first: the form shows only for an invitation that can still be accepted. */
export function AcceptInvitationPage() {
  const trpc = useTRPC();
  const { token = '' } = useParams();
  const preview = useQuery(trpc.invitation.preview.queryOptions({ token }, { retry: false }));

  if (preview.isPending) {
    return (
      <AuthCard title="Checking your invitation…">
        <div className="space-y-3" aria-busy="true">
          <Skeleton />
          <Skeleton className="h-4 w-2/3" />
        </div>
      </AuthCard>
    );
  }
  if (preview.isError) {
    return (
      <AuthCard title="This invitation can’t be used">
        <p role="alert" className="text-sm text-fg">
          {errorMessage(preview.error)}
        </p>
        <div className="mt-4 flex gap-3 text-sm">
          <Link to="/sign-in" className="font-medium text-accent hover:underline">
            Sign in
          </Link>
          <button
            type="button"
            className="font-medium text-fg-muted hover:underline"
            onClick={() => void preview.refetch()}
          >
            Check again
          </button>
        </div>
      </AuthCard>
    );
  }
  return <AcceptForm token={token} invitation={preview.data} />;
}

function AcceptForm({ token, invitation }: { token: string; invitation: Preview }) {
  const trpc = useTRPC();
  const form = useForm({
    resolver: zodResolver(ZAcceptInvitationInput),
    defaultValues: { token, email: invitation.email, name: '', password: '' },
  });
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      meta: { toast: false },
      onSuccess: () => {
        markSignedIn();
        window.location.assign('/');
      },
      onError: (error) => {
        applyServerErrors(error, form.setError, FIELDS);
      },
    }),
  );
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => {
    accept.mutate(values);
  });

  return (
    <AuthCard
      title={`Join ${invitation.organizationName}`}
      subtitle={`${invitation.inviterName} invited you as ${invitation.role.toLowerCase()}.`}
    >
      {accept.error ? <FormAlert>{errorMessage(accept.error)}</FormAlert> : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
        <Field label="Email" error={errors.email?.message} hint="The address the invitation was sent to.">
          <input type="email" className={inputClass} autoComplete="email" {...form.register('email')} />
        </Field>
        <Field label="Your name" error={errors.name?.message}>
          <input className={inputClass} autoComplete="name" {...form.register('name')} />
        </Field>
        <Field label="Choose a password" error={errors.password?.message} hint="At least 8 characters.">
          <input
            type="password"
            className={inputClass}
            autoComplete="new-password"
            {...form.register('password')}
          />
        </Field>
        <Button type="submit" className="w-full" disabled={accept.isPending}>
          {accept.isPending ? 'Joining…' : 'Accept invitation'}
        </Button>
      </form>
    </AuthCard>
  );
}
