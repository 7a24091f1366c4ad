import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { CountChart } from '../components/count-chart.tsx';
import { ErrorState } from '../components/error-state.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { assetsHref } from '../lib/asset-list-params.ts';
import { humanize } from '../lib/format.ts';
import { useCurrent } from '../lib/me.ts';
import { useTRPC } from '../trpc.ts';

/** A KPI card; with `to`, the whole card links to the list it counts (its label names the link). */
function Stat({
  label,
  value,
  to,
  children,
}: {
  label: string;
  value: ReactNode;
  to?: string;
  children?: ReactNode;
}) {
  return (
    <div className="relative rounded-lg bg-surface p-5 shadow-xs ring-1 ring-line has-[a:hover]:ring-accent">
      <dt className="text-xs font-medium text-fg-subtle uppercase">
        {to ? (
          <Link
            to={to}
            className="after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-accent"
          >
            {label}
          </Link>
        ) : (
          label
        )}
      </dt>
      <dd className="mt-1 text-2xl font-semibold text-fg tabular-nums">
        {value}
        {children}
      </dd>
    </div>
  );
}

/** The statuses that need someone's attention, each a link to its assets. */
const ATTENTION = { MAINTENANCE: 'in maintenance', OUT_OF_SERVICE: 'out of service' } as const;
const ATTENTION_STATUSES = ['MAINTENANCE', 'OUT_OF_SERVICE'] as const;

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
        <Stat label="Assets" to={assetsHref()} value={kpi((d) => d.total)} />
        <Stat label="Sites with assets" to="/sites" value={kpi((d) => Object.keys(d.bySite).length)} />
        <Stat
          label="Needing attention"
          value={kpi((d) => ATTENTION_STATUSES.reduce((sum, status) => sum + (d.byStatus[status] ?? 0), 0))}
        >
          {s ? (
            <ul className="mt-1 flex flex-wrap gap-x-3 text-xs font-normal">
              {ATTENTION_STATUSES.map((status) => (
                <li key={status}>
                  <Link to={assetsHref({ status })} className="text-accent hover:underline">
                    {s.byStatus[status] ?? 0} {ATTENTION[status]}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </Stat>
        <Stat
          label="Seats used"
          to="/members"
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
