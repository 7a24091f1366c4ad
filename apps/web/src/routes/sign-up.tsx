import { zodResolver } from '@hookform/resolvers/zod';
import { ZRegisterInput } from '@tenantry/api/schemas';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';

import { AuthCard } from '../components/auth-card.tsx';
import { Button } from '../components/button.tsx';
import { Field, inputClass } from '../components/field.tsx';
import { markSignedIn } from '../lib/session.ts';
import { applyServerErrors } from '../lib/use-server-errors.ts';
import { useTRPC } from '../trpc.ts';

const FIELDS = ['organizationName', 'name', 'email', 'password'] as const;

export function SignUpPage() {
  const trpc = useTRPC();
  const form = useForm({
    resolver: zodResolver(ZRegisterInput),
    defaultValues: { organizationName: '', name: '', email: '', password: '' },
  });
  const register = useMutation(
    trpc.organization.register.mutationOptions({
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
    register.mutate(values);
  });

  return (
    <AuthCard
      title="Create your organization"
      subtitle={
        <>
          Already have an account?{' '}
          <Link to="/sign-in" className="font-medium text-accent hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
        <Field label="Organization name" error={errors.organizationName?.message}>
          <input className={inputClass} autoComplete="organization" {...form.register('organizationName')} />
        </Field>
        <Field label="Your name" error={errors.name?.message}>
          <input className={inputClass} autoComplete="name" {...form.register('name')} />
        </Field>
        <Field label="Work email" error={errors.email?.message}>
          <input type="email" className={inputClass} autoComplete="email" {...form.register('email')} />
        </Field>
        <Field label="Password" error={errors.password?.message} hint="At least 8 characters.">
          <input
            type="password"
            className={inputClass}
            autoComplete="new-password"
            {...form.register('password')}
          />
        </Field>
        <Button type="submit" className="w-full" disabled={register.isPending}>
          {register.isPending ? 'Creating…' : 'Create organization'}
        </Button>
      </form>
    </AuthCard>
  );
}
