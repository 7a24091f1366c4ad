// A form whose select needs a list first (a building's site, an asset's
// building): a skeleton while it loads, and if it cannot be had, the error
// with Retry and a Cancel that keeps the dialog closable.
import type { UseQueryResult } from '@tanstack/react-query';

import { Button } from './button.tsx';
import { ErrorState } from './error-state.tsx';
import { SkeletonRows } from './skeleton.tsx';

export function FormOptionsPending({
  query,
  what,
  rows,
  onCancel,
}: {
  query: Pick<UseQueryResult<unknown, unknown>, 'isError' | 'error' | 'refetch' | 'isFetching'>;
  /** e.g. "buildings" */
  what: string;
  rows: number;
  onCancel: () => void;
}) {
  if (!query.isError) return <SkeletonRows rows={rows} />;
  return (
    <>
      <ErrorState
        title={`The ${what} could not be loaded.`}
        error={query.error}
        onRetry={query.refetch}
        retrying={query.isFetching}
      />
      <div className="flex justify-end">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </>
  );
}
