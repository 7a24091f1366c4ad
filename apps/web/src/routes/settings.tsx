import { zodResolver } from '@hookform/resolvers/zod';
import { PLANS, ZUpdateOrganizationInput } from '@tenantry/api/schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';

import { Button } from '../components/button.tsx';
import { DetailList } from '../components/detail-list.tsx';
import { Field, inputClass } from '../components/field.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { SkeletonRows } from '../components/skeleton.tsx';
import { formatDate, humanize } from '../lib/format.ts';
import { atLeast, useCurrent } from '../lib/me.ts';
import { toast } from '../lib/toast.tsx';
import { applyServerErrors } from '../lib/use-server-errors.ts';
import { useTRPC } from '../trpc.ts';

type Org = NonNullable<ReturnType<typeof useCurrent>['data']>['organization'];

export function SettingsPage() {
  const current = useCurrent();
  if (!current.data) return <SkeletonRows />;
  const { organization, seatsUsed, me } = current.data;
  return (
    <>
      <PageHeader title="Organization" />
      <DetailList
        items={[
          ['Plan', humanize(organization.plan)],
          ['Seats used', `${seatsUsed} of ${organization.seats}`],
          ['Billing email', organization.billingEmail ?? '—'],
          ['Created', formatDate(organization.createdAt)],
        ]}
      />
      <div
        className="mb-8 h-2 max-w-xl overflow-hidden rounded-full bg-line"
        role="progressbar"
        aria-label="Seat usage"
        aria-valuemin={0}
        aria-valuemax={organization.seats}
        aria-valuenow={seatsUsed}
      >
        <div
          className="h-full bg-indigo-600"
          style={{ width: `${Math.min(100, (seatsUsed / organization.seats) * 100)}%` }}
        />
      </div>
      {atLeast(me.role, 'ADMIN') ? (
        <OrganizationForm organization={organization} />
      ) : (
        <p className="text-sm text-fg-subtle">Only admins can change these settings.</p>
      )}
    </>
  );
}

function OrganizationForm({ organization }: { organization: Org }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(ZUpdateOrganizationInput),
    defaultValues: {
      name: organization.name,
      plan: organization.plan,
      seats: organization.seats,
      billingEmail: organization.billingEmail,
    },
  });
  const update = useMutation(
    trpc.organization.update.mutationOptions({
      onSuccess: () => {
        toast('Organization saved.');
        void queryClient.invalidateQueries({ queryKey: trpc.organization.pathKey() });
      },
      onError: (error) => {
        applyServerErrors(error, form.setError, ['name', 'plan', 'seats', 'billingEmail']);
      },
    }),
  );
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => {
    update.mutate(values);
  });
  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      className="max-w-xl space-y-4 rounded-lg bg-surface p-6 shadow-xs ring-1 ring-line"
    >
      <h2 className="text-lg font-semibold text-fg">Edit organization</h2>
      <Field label="Name" error={errors.name?.message}>
        <input className={inputClass} {...form.register('name')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Plan" error={errors.plan?.message}>
          <select className={inputClass} {...form.register('plan')}>
            {PLANS.map((p) => (
              <option key={p} value={p}>
                {humanize(p)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Seats" error={errors.seats?.message}>
          <input
            type="number"
            min={1}
            className={inputClass}
            {...form.register('seats', { valueAsNumber: true })}
          />
        </Field>
      </div>
      <Field label="Billing email" error={errors.billingEmail?.message} hint="Optional.">
        <input
          type="email"
          className={inputClass}
          {...form.register('billingEmail', { setValueAs: (v: unknown) => (v === '' ? null : v) })}
        />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" disabled={update.isPending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
