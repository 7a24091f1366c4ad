import { zodResolver } from '@hookform/resolvers/zod';
import { ASSET_STATUSES, ZCreateAssetInput } from '@tenantry/api/schemas';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';

import { humanize } from '../lib/format.ts';
import { useRecordCache } from '../lib/record-cache.ts';
import { toast } from '../lib/toast.tsx';
import { applyServerErrors } from '../lib/use-server-errors.ts';
import type { RouterOutputs } from '../trpc.ts';
import { useTRPC } from '../trpc.ts';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';
import { Field, inputClass } from './field.tsx';
import { FormOptionsPending } from './form-options.tsx';

/** The asset being edited, as asset.byId returns it. */
type Asset = RouterOutputs['asset']['byId'];

const FIELDS = ['buildingId', 'tag', 'name', 'category', 'status', 'serialNumber', 'installedAt'] as const;
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

interface Props {
  open: boolean;
  onClose: () => void;
  asset?: Asset;
  buildingId?: string;
}

export function AssetFormDialog({ open, onClose, asset, buildingId }: Props) {
  return (
    <Dialog open={open} title={asset ? 'Edit asset' : 'New asset'} onClose={onClose}>
      <AssetForm asset={asset} buildingId={buildingId} onDone={onClose} />
    </Dialog>
  );
}

function AssetForm(props: {
  asset?: Asset | undefined;
  buildingId?: string | undefined;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const buildings = useQuery(trpc.building.list.queryOptions({ limit: 100 }));
  // The select needs its options before the form reads its default value.
  if (!buildings.data) {
    return <FormOptionsPending query={buildings} what="buildings" rows={4} onCancel={props.onDone} />;
  }
  const options = buildings.data.items.map((b) => ({ id: b.id, label: `${b.site.name} › ${b.name}` }));
  // Only the newest 100 buildings are listed; keep the asset's own one choosable.
  const current = props.asset?.building;
  if (current && !options.some((o) => o.id === current.id)) {
    options.push({ id: current.id, label: `${current.site.name} › ${current.name}` });
  }
  return <AssetFormFields {...props} buildings={options} />;
}

interface FieldsProps {
  asset?: Asset | undefined;
  buildingId?: string | undefined;
  onDone: () => void;
  buildings: { id: string; label: string }[];
}

function AssetFormFields({ asset, buildingId, onDone, buildings }: FieldsProps) {
  const trpc = useTRPC();
  const records = useRecordCache();
  const form = useForm({
    resolver: zodResolver(ZCreateAssetInput),
    defaultValues: {
      buildingId: asset?.buildingId ?? buildingId ?? '',
      tag: asset?.tag ?? '',
      name: asset?.name ?? '',
      category: asset?.category ?? '',
      status: asset?.status ?? 'OPERATIONAL',
      serialNumber: asset?.serialNumber ?? null,
      installedAt: asset?.installedAt ? asset.installedAt.toISOString().slice(0, 10) : null,
    },
  });
  const done = (message: string) => {
    records.changed();
    toast(message);
    onDone();
  };
  const onError = (error: unknown) => {
    applyServerErrors(error, form.setError, FIELDS);
  };
  const create = useMutation(
    trpc.asset.create.mutationOptions({
      onSuccess: () => {
        done('Asset created.');
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.asset.update.mutationOptions({
      onSuccess: () => {
        done('Asset saved.');
      },
      onError,
    }),
  );
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => {
    if (asset) update.mutate({ id: asset.id, ...values });
    else create.mutate(values);
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <Field label="Building" error={errors.buildingId ? 'Choose a building' : undefined}>
          <select className={inputClass} {...form.register('buildingId')}>
            <option value="">Choose a building…</option>
            {buildings.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Tag" error={errors.tag?.message}>
        <input className={`${inputClass} font-mono`} {...form.register('tag')} />
      </Field>
      <Field label="Status" error={errors.status?.message}>
        <select className={inputClass} {...form.register('status')}>
          {ASSET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
      </Field>
      <div className="sm:col-span-2">
        <Field label="Name" error={errors.name?.message}>
          <input className={inputClass} {...form.register('name')} />
        </Field>
      </div>
      <Field label="Category" error={errors.category?.message}>
        <input className={inputClass} {...form.register('category')} />
      </Field>
      <Field label="Serial number" error={errors.serialNumber?.message} hint="Optional.">
        <input className={inputClass} {...form.register('serialNumber', { setValueAs: blankToNull })} />
      </Field>
      <Field label="Installed on" error={errors.installedAt?.message} hint="Optional.">
        <input
          type="date"
          className={inputClass}
          {...form.register('installedAt', { setValueAs: blankToNull })}
        />
      </Field>
      <div className="sm:col-span-2 flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={create.isPending || update.isPending}>
          {asset ? 'Save' : 'Create asset'}
        </Button>
      </div>
    </form>
  );
}
