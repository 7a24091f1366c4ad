import { zodResolver } from '@hookform/resolvers/zod';
import { ZCreateBuildingInput } from '@tenantry/api/schemas';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';

import { useRecordCache } from '../lib/record-cache.ts';
import { toast } from '../lib/toast.tsx';
import { applyServerErrors } from '../lib/use-server-errors.ts';
import { useTRPC } from '../trpc.ts';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';
import { Field, inputClass } from './field.tsx';
import { FormOptionsPending } from './form-options.tsx';

interface Building {
  id: string;
  siteId: string;
  name: string;
  floors: number | null;
}

const toFloors = (v: unknown) => (v === '' || v === null ? null : Number(v));

interface Props {
  open: boolean;
  onClose: () => void;
  building?: Building;
  siteId?: string;
}

export function BuildingFormDialog({ open, onClose, building, siteId }: Props) {
  return (
    <Dialog open={open} title={building ? 'Edit building' : 'New building'} onClose={onClose}>
      <BuildingForm building={building} siteId={siteId} onDone={onClose} />
    </Dialog>
  );
}

function BuildingForm(props: {
  building?: Building | undefined;
  siteId?: string | undefined;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  // A building's site is chosen at creation; the API does not move buildings.
  const sites = useQuery(trpc.site.list.queryOptions({ limit: 100 }));
  // The select needs its options before the form reads its default value.
  if (!sites.data) {
    return <FormOptionsPending query={sites} what="sites" rows={3} onCancel={props.onDone} />;
  }
  return <BuildingFormFields {...props} sites={sites.data.items} />;
}

interface FieldsProps {
  building?: Building | undefined;
  siteId?: string | undefined;
  onDone: () => void;
  sites: { id: string; name: string }[];
}

function BuildingFormFields({ building, siteId, onDone, sites }: FieldsProps) {
  const trpc = useTRPC();
  const records = useRecordCache();
  const form = useForm({
    resolver: zodResolver(ZCreateBuildingInput),
    defaultValues: {
      siteId: building?.siteId ?? siteId ?? '',
      name: building?.name ?? '',
      floors: building?.floors ?? null,
    },
  });
  const done = (message: string) => {
    records.changed();
    toast(message);
    onDone();
  };
  const onError = (error: unknown) => {
    applyServerErrors(error, form.setError, ['siteId', 'name', 'floors']);
  };
  const create = useMutation(
    trpc.building.create.mutationOptions({
      onSuccess: () => {
        done('Building created.');
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.building.update.mutationOptions({
      onSuccess: () => {
        done('Building saved.');
      },
      onError,
    }),
  );
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => {
    if (building) update.mutate({ id: building.id, name: values.name, floors: values.floors ?? null });
    else create.mutate(values);
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
      <Field label="Site" error={errors.siteId ? 'Choose a site' : undefined}>
        <select className={inputClass} disabled={Boolean(building)} {...form.register('siteId')}>
          <option value="">Choose a site…</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Name" error={errors.name?.message}>
        <input className={inputClass} {...form.register('name')} />
      </Field>
      <Field label="Floors" error={errors.floors?.message} hint="Optional, 0–300.">
        <input
          type="number"
          min={0}
          max={300}
          className={inputClass}
          {...form.register('floors', { setValueAs: toFloors })}
        />
      </Field>
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={create.isPending || update.isPending}>
          {building ? 'Save' : 'Create building'}
        </Button>
      </div>
    </form>
  );
}
