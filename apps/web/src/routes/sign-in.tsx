import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';

import { AuthCard } from '../components/auth-card.tsx';
import { Button } from '../components/button.tsx';
import { Field, inputClass } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { signIn } from '../lib/session.ts';
import type { SignInReason } from '../lib/session.ts';

// Sign-in is better-auth's, not a tRPC input, so its schema lives here.
const ZSignIn = z.object({
  email: z.email({ error: 'must be an email address' }),
  password: z.string().min(1, 'is required'),
});

/** Only same-app paths, so ?next= cannot send anyone off-site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** What sign-in says when a session ended under the user (lib/session.ts's reasons). */
const ENDED = new Map<string, string>([
  ['expired', 'Your session ended. Sign in again to continue.'],
  [
    'role-changed',
    'Your role in the organization changed, so you were signed out. Sign in again to continue with your new access.',
  ],
  [
    'deactivated',
    'Your account was deactivated, so you were signed out. Ask an administrator of your organization if you need it back.',
  ],
] satisfies [SignInReason, string][]);

export function SignInPage() {
  const [params] = useSearchParams();
  const ended = ENDED.get(params.get('reason') ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ZSignIn), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ email, password }) => {
    setFailure(null);
    try {
      await signIn(email, password);
      // A full load, so nothing cached from a previous session survives.
      window.location.assign(safeNext(params.get('next')));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Sign-in failed.');
    }
  });

  return (
    <AuthCard
      title="Sign in"
      subtitle={
        <>
          New here?{' '}
          <Link to="/sign-up" className="font-medium text-accent hover:underline">
            Create your organization
          </Link>
        </>
      }
    >
      {ended ? (
        <p
          role="status"
          className="mb-4 rounded-md bg-amber-50 dark:bg-amber-950/50 px-3 py-2 text-sm text-amber-800 dark:text-amber-200 ring-1 ring-amber-200 dark:ring-amber-900"
        >
          {ended}
        </p>
      ) : null}
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
        <Field label="Email" error={errors.email?.message}>
          <input type="email" autoComplete="email" className={inputClass} {...form.register('email')} />
        </Field>
        <Field label="Password" error={errors.password?.message}>
          <input
            type="password"
            autoComplete="current-password"
            className={inputClass}
            {...form.register('password')}
          />
        </Field>
        <Button type="submit" className="w-full" disabled={isSubmitting}>
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </AuthCard>
  );
}
