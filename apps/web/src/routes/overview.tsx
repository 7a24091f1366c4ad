import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { CountChart } from '../components/count-chart.tsx';
import { ErrorState } from '../components/error-state.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { humanize } from '../lib/format.ts';
import { useCurrent } from '../lib/me.ts';
import { useTRPC } from '../trpc.ts';

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="rounded-lg bg-surface p-5 shadow-xs ring-1 ring-line">
      <dt className="text-xs font-medium text-fg-subtle uppercase">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-fg tabular-nums">{value}</dd>
    </div>
  );
}

export function OverviewPage() {
  const trpc = useTRPC();
  const current = useCurrent().data;
  const stats = useQuery({ ...trpc.asset.stats.queryOptions(), staleTime: 30_000 });
  const s = stats.data;
  // Loading: a skeleton; failed: a dash, with the reason and Retry below.
  const kpi = (value: (data: NonNullable<typeof s>) => ReactNode) =>
    s ? value(s) : stats.isError ? '—' : <Skeleton className="h-8 w-16" />;
  return (
    <>
      <PageHeader title="Overview" />
      <dl className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Assets" value={kpi((d) => d.total)} />
        <Stat label="Sites with assets" value={kpi((d) => Object.keys(d.bySite).length)} />
        <Stat
          label="Needing attention"
          value={kpi((d) => (d.byStatus.MAINTENANCE ?? 0) + (d.byStatus.OUT_OF_SERVICE ?? 0))}
        />
        <Stat
          label="Seats used"
          value={current ? `${current.seatsUsed} / ${current.organization.seats}` : '—'}
        />
      </dl>
      {stats.isPending ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <Skeleton className="h-72 w-full" />
          <Skeleton className="h-72 w-full" />
          <Skeleton className="h-72 w-full" />
        </div>
      ) : !s ? (
        <div className="rounded-lg bg-surface shadow-xs ring-1 ring-line">
          <ErrorState
            title="The overview could not be loaded."
            error={stats.error}
            onRetry={stats.refetch}
            retrying={stats.isFetching}
          />
        </div>
      ) : (
        <div className="grid items-start gap-4 lg:grid-cols-2">
          <CountChart
            title="Assets by status"
            dimension="Status"
            counts={s.byStatus}
            color="#4f46e5"
            format={humanize}
          />
          <CountChart title="Assets by category" dimension="Category" counts={s.byCategory} color="#0891b2" />
          <CountChart title="Assets per site" dimension="Site" counts={s.bySite} color="#059669" />
        </div>
      )}
    </>
  );
}
