import { zodResolver } from '@hookform/resolvers/zod';
import { ZCreateSiteInput } from '@tenantry/api/schemas';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';

import { useRecordCache } from '../lib/record-cache.ts';
import { toast } from '../lib/toast.tsx';
import { applyServerErrors } from '../lib/use-server-errors.ts';
import { useTRPC } from '../trpc.ts';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';
import { Field, inputClass } from './field.tsx';

interface Site {
  id: string;
  name: string;
  address: string | null;
}

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export function SiteFormDialog({ open, onClose, site }: { open: boolean; onClose: () => void; site?: Site }) {
  return (
    <Dialog open={open} title={site ? 'Edit site' : 'New site'} onClose={onClose}>
      <SiteForm site={site} onDone={onClose} />
    </Dialog>
  );
}

function SiteForm({ site, onDone }: { site?: Site | undefined; onDone: () => void }) {
  const trpc = useTRPC();
  const records = useRecordCache();
  // The create schema checks the same fields the update takes.
  const form = useForm({
    resolver: zodResolver(ZCreateSiteInput),
    defaultValues: { name: site?.name ?? '', address: site?.address ?? null },
  });
  const done = (message: string) => {
    records.changed();
    toast(message);
    onDone();
  };
  const onError = (error: unknown) => {
    applyServerErrors(error, form.setError, ['name', 'address']);
  };
  const create = useMutation(
    trpc.site.create.mutationOptions({
      onSuccess: () => {
        done('Site created.');
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.site.update.mutationOptions({
      onSuccess: () => {
        done('Site saved.');
      },
      onError,
    }),
  );
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => {
    if (site) update.mutate({ id: site.id, ...values });
    else create.mutate(values);
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
      <Field label="Name" error={errors.name?.message}>
        <input className={inputClass} {...form.register('name')} />
      </Field>
      <Field label="Address" error={errors.address?.message} hint="Optional.">
        <input className={inputClass} {...form.register('address', { setValueAs: blankToNull })} />
      </Field>
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={create.isPending || update.isPending}>
          {site ? 'Save' : 'Create site'}
        </Button>
      </div>
    </form>
  );
}
