import { useInfiniteQuery } from '@tanstack/react-query';
import { AuditEvent } from '../components/audit-event.tsx';
import { Empty } from '../components/empty.tsx';
import { inputClass } from '../components/field.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { PagedTable } from '../components/paged-table.tsx';
import { SearchBox } from '../components/search-box.tsx';
import { formatDateTime } from '../lib/format.ts';
import { keysetPaging } from '../lib/keyset.ts';
import { definedOnly, useSearchParam } from '../lib/use-search-param.ts';
import { useTRPC } from '../trpc.ts';

const TARGET_TYPES = ['organization', 'user', 'invitation', 'site', 'building', 'asset', 'apiKey'];

export function AuditPage() {
  const trpc = useTRPC();
  const [action, setAction] = useSearchParam('action');
  const [targetType, setTargetType] = useSearchParam('target');
  const listInput = definedOnly({ limit: 50, action, targetType });
  const list = useInfiniteQuery(trpc.audit.list.infiniteQueryOptions(listInput, keysetPaging));
  return (
    <>
      <PageHeader title="Audit log" />
      <div className="mb-4 flex flex-wrap gap-3">
        <SearchBox label="Action, e.g. asset.create" value={action} onChange={setAction} />
        <label className="w-48">
          <span className="sr-only">Target type</span>
          <select
            className={inputClass}
            value={targetType}
            onChange={(e) => {
              setTargetType(e.target.value);
            }}
          >
            <option value="">All targets</option>
            {TARGET_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </div>
      <PagedTable
        label="Audit events"
        rowKey={(e) => e.id}
        list={list}
        empty={<Empty title="No events match these filters." />}
        columns={[
          // The sentence first: on a phone it is what shows before the table scrolls.
          { header: 'Event', cell: (e) => <AuditEvent event={e} /> },
          { header: 'When', cell: (e) => formatDateTime(e.at) },
          { header: 'Action', cell: (e) => <span className="font-mono text-xs">{e.action}</span> },
        ]}
      />
    </>
  );
}
