// What a detail page shows while it has no record to show: a skeleton while loading, "not found"
// for a 404 (another tenant's record is one too), and for any other failure the reason and Retry.
// Pages write `if (!query.data) return <RecordFallback query={query} what="Asset" />`.
import type { UseQueryResult } from '@tanstack/react-query';

import { errorCode } from '../lib/errors.ts';
import { NotFound } from '../routes/not-found.tsx';
import { ErrorState } from './error-state.tsx';
import { SkeletonRows } from './skeleton.tsx';

export function RecordFallback({ query, what }: { query: UseQueryResult<unknown, unknown>; what: string }) {
  if (query.isPending) return <SkeletonRows />;
  if (!query.isError || errorCode(query.error) === 'NOT_FOUND') return <NotFound what={what} />;
  return (
    <ErrorState
      title={`This ${what.toLowerCase()} could not be loaded.`}
      error={query.error}
      onRetry={query.refetch}
      retrying={query.isFetching}
    />
  );
}
