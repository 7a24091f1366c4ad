// What a detail page shows while it has no record to show: a skeleton while loading, "not found"
// for a 404 (another tenant's record is one too), and for any other failure the reason and Retry.
// Pages write `if (!query.data || isGone(query)) return <RecordFallback query={query} what="Asset" />`:
// a record deleted since it was cached is "not found" too, not its old data.
import type { UseQueryResult } from '@tanstack/react-query';

import { errorCode } from '../lib/errors.ts';
import { NotFound } from '../routes/not-found.tsx';
import { ErrorState } from './error-state.tsx';
import { SkeletonRows } from './skeleton.tsx';

/** The server says the record is not there (any more), whatever the cache still holds. */
export function isGone(query: UseQueryResult<unknown, unknown>): boolean {
  return query.isError && errorCode(query.error) === 'NOT_FOUND';
}

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
