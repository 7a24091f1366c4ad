import { zodResolver } from '@hookform/resolvers/zod';
import { ZCreateApiKeyInput } from '@tenantry/api/schemas';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { Button } from '../components/button.tsx';
import { CONFIRMED_IN_DIALOG, ConfirmButton } from '../components/confirm.tsx';
import { CopyField } from '../components/copy-field.tsx';
import { Empty } from '../components/empty.tsx';
import { Field, inputClass } from '../components/field.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { PagedTable } from '../components/paged-table.tsx';
import { Badge } from '../components/status-badge.tsx';
import { formatDate } from '../lib/format.ts';
import { useRole } from '../lib/me.ts';
import { toast } from '../lib/toast.tsx';
import { applyServerErrors } from '../lib/use-server-errors.ts';
import { keysetPaging } from '../lib/keyset.ts';
import { useTRPC } from '../trpc.ts';

/** A date input gives YYYY-MM-DD; the API wants an ISO date-time (end of that day, UTC). */
const toExpiry = (v: unknown) => (typeof v === 'string' && v ? `${v}T23:59:59.000Z` : null);

export function ApiKeysPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const role = useRole();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(ZCreateApiKeyInput),
    defaultValues: { name: '', role: 'MEMBER', expiresAt: null },
  });
  const listInput = { limit: 25 };
  const list = useInfiniteQuery(trpc.apiKey.list.infiniteQueryOptions(listInput, keysetPaging));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKey.pathKey() });
  const create = useMutation(
    trpc.apiKey.create.mutationOptions({
      onSuccess: (result) => {
        setSecret(result.secret);
        form.reset();
        void refresh();
      },
      onError: (error) => {
        applyServerErrors(error, form.setError, ['name', 'role', 'expiresAt']);
      },
    }),
  );
  const revoke = useMutation(
    trpc.apiKey.revoke.mutationOptions({
      meta: CONFIRMED_IN_DIALOG,
      onSuccess: () => {
        toast('API key revoked.');
        void refresh();
      },
    }),
  );
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => {
    setSecret(null);
    create.mutate(values);
  });
  return (
    <>
      <PageHeader title="API keys" />
      <section
        aria-labelledby="new-key"
        className="mb-8 rounded-lg bg-surface p-5 shadow-xs ring-1 ring-line"
      >
        <h2 id="new-key" className="mb-4 text-lg font-semibold text-fg">
          New API key
        </h2>
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="flex flex-wrap items-start gap-3">
          <div className="min-w-56 flex-1">
            <Field label="Name" error={errors.name?.message}>
              <input className={inputClass} {...form.register('name')} />
            </Field>
          </div>
          <div className="w-36">
            <Field label="Role" error={errors.role?.message}>
              <select className={inputClass} {...form.register('role')}>
                <option value="MEMBER">Member</option>
                <option value="ADMIN">Admin</option>
                {role === 'OWNER' ? <option value="OWNER">Owner</option> : null}
              </select>
            </Field>
          </div>
          <div className="w-44">
            <Field label="Expires on" error={errors.expiresAt?.message} hint="Optional.">
              <input
                type="date"
                className={inputClass}
                {...form.register('expiresAt', { setValueAs: toExpiry })}
              />
            </Field>
          </div>
          <Button type="submit" className="mt-6" disabled={create.isPending}>
            Create key
          </Button>
        </form>
        {secret ? (
          <div className="mt-4 rounded-md bg-amber-50 dark:bg-amber-950/50 p-4 ring-1 ring-amber-200 dark:ring-amber-900">
            <CopyField label="Secret — copy it now, it will not be shown again" value={secret} />
          </div>
        ) : null}
      </section>
      <PagedTable
        label="API keys"
        rowKey={(k) => k.id}
        list={list}
        empty={<Empty title="No API keys yet." />}
        columns={[
          { header: 'Name', cell: (k) => <span className="font-medium text-fg">{k.name}</span> },
          { header: 'Key', cell: (k) => <span className="font-mono text-xs">{k.prefix}</span> },
          { header: 'Role', cell: (k) => <Badge value={k.role} /> },
          { header: 'Expires', cell: (k) => formatDate(k.expiresAt) },
          { header: 'Last used', cell: (k) => formatDate(k.lastUsedAt) },
          {
            header: 'Status',
            cell: (k) =>
              k.revokedAt ? (
                <Badge value="REVOKED" color="bg-surface-strong text-fg-muted ring-slate-500/20" />
              ) : (
                <ConfirmButton
                  small
                  label="Revoke"
                  title={`Revoke ${k.name}?`}
                  body="Anything using this key stops working at once."
                  confirmLabel="Revoke key"
                  onConfirm={() => revoke.mutateAsync({ id: k.id })}
                />
              ),
          },
        ]}
      />
    </>
  );
}
