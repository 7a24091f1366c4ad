import { zodResolver } from '@hookform/resolvers/zod';
import { ZAcceptInvitationInput } from '@tenantry/api/schemas';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useParams } from 'react-router';

import { AuthCard } from '../components/auth-card.tsx';
import { Button } from '../components/button.tsx';
import { Field, inputClass } from '../components/field.tsx';
import { errorMessage } from '../lib/errors.ts';
import { markSignedIn } from '../lib/session.ts';
import { applyServerErrors } from '../lib/use-server-errors.ts';
import { useTRPC } from '../trpc.ts';

const FIELDS = ['email', 'name', 'password'] as const;

export function AcceptInvitationPage() {
  const trpc = useTRPC();
  const { token = '' } = useParams();
  const form = useForm({
    resolver: zodResolver(ZAcceptInvitationInput),
    defaultValues: { token, email: '', name: '', password: '' },
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
    <AuthCard title="Join your team" subtitle="Use the email address the invitation was sent to.">
      {accept.error ? (
        <p
          role="alert"
          className="mb-4 rounded-md bg-red-50 dark:bg-red-950/50 px-3 py-2 text-sm text-red-700 dark:text-red-300 ring-1 ring-red-200 dark:ring-red-900"
        >
          {errorMessage(accept.error)}
        </p>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
        <Field label="Email" error={errors.email?.message}>
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
        {errors.token ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            This invitation link is incomplete.
          </p>
        ) : null}
        <Button type="submit" className="w-full" disabled={accept.isPending}>
          {accept.isPending ? 'Joining…' : 'Accept invitation'}
        </Button>
      </form>
    </AuthCard>
  );
}
