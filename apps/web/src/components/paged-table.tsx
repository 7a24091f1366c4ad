// A table over a keyset-paginated list: rows from every loaded page, and a
// "Load more" button while the server reports a next cursor. A first page that
// fails shows why and Retry; a next page that fails keeps every row and says so.
// Columns with a sort key have headers that are buttons (aria-sort on the
// header cell says which way the list is sorted).
import type { ReactNode } from 'react';

import { errorMessage } from '../lib/errors.ts';
import { Button } from './button.tsx';
import { Empty } from './empty.tsx';
import { ErrorState } from './error-state.tsx';
import { SkeletonRows } from './skeleton.tsx';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
  /** What the server sorts this column by; sortable only when the table has `sorting`. */
  sortKey?: string;
}

export interface Sorting {
  key: string | undefined;
  order: 'asc' | 'desc' | undefined;
  onSort: (key: string) => void;
}

/** What the table reads of a keyset list (a useInfiniteQuery result). */
export interface KeysetListState<T> {
  data: { pages: { items: T[] }[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => unknown;
}

interface Props<T> {
  label: string;
  columns: Column<T>[];
  list: KeysetListState<T>;
  empty: ReactNode;
  rowKey: (row: T) => string;
  sorting?: Sorting;
  /** How many rows the list has in all (already formatted, e.g. "10,000+"), when known. */
  total?: string | undefined;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

function Header<T>({ column, sorting }: { column: Column<T>; sorting: Sorting | undefined }) {
  const className = 'px-4 py-2.5 text-left font-semibold whitespace-nowrap text-fg-muted';
  if (!column.sortKey || !sorting) {
    return (
      <th scope="col" className={className}>
        {column.header}
      </th>
    );
  }
  const { sortKey } = column;
  const order = sorting.key === sortKey ? sorting.order : undefined;
  return (
    <th scope="col" className={className} aria-sort={order ? ARIA_SORT[order] : 'none'}>
      <button
        type="button"
        className="-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-fg focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
        onClick={() => {
          sorting.onSort(sortKey);
        }}
      >
        {column.header}
        <span aria-hidden="true" className={order ? 'text-fg' : 'text-fg-subtle'}>
          {order === 'asc' ? '↑' : order === 'desc' ? '↓' : '↕'}
        </span>
      </button>
    </th>
  );
}

export function PagedTable<T>(props: Props<T>) {
  const { list } = props;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="overflow-hidden rounded-lg bg-surface shadow-xs ring-1 ring-line">
      {list.isPending ? (
        <SkeletonRows />
      ) : list.isError && rows.length === 0 ? (
        <ErrorState
          title="This list could not be loaded."
          error={list.error}
          onRetry={list.refetch}
          retrying={list.isFetching}
        />
      ) : rows.length === 0 ? (
        props.empty
      ) : (
        // A wide table scrolls inside its own region, never the page. The region takes focus so
        // that keyboard users can scroll it (axe: scrollable-region-focusable), and is named.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={props.label}>
          <table className="min-w-full divide-y divide-line text-sm" aria-label={props.label}>
            <thead className="bg-surface-muted">
              <tr>
                {props.columns.map((c) => (
                  <Header key={c.header} column={c} sorting={props.sorting} />
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((row) => (
                <tr key={props.rowKey(row)} className="hover:bg-surface-muted">
                  {props.columns.map((c) => (
                    <td
                      key={c.header}
                      className={`px-4 py-2.5 whitespace-nowrap text-fg-muted ${c.className ?? ''}`}
                    >
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!list.isPending && rows.length > 0 ? (
        <div className="flex items-center justify-between border-t border-line px-4 py-2.5 text-xs text-fg-subtle">
          <span>
            {`${String(rows.length)}${props.total === undefined ? '' : ` of ${props.total}`} shown`}
            {list.hasNextPage ? '' : ' · end of list'}
          </span>
          {list.isFetchNextPageError && !list.isFetchingNextPage ? (
            <span className="min-w-0 flex-1 px-3 text-right text-red-700 dark:text-red-300">
              More could not be loaded. {errorMessage(list.error)}
            </span>
          ) : null}
          {list.hasNextPage ? (
            <Button
              variant="secondary"
              small
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? 'Loading…' : list.isFetchNextPageError ? 'Retry' : 'Load more'}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export { Empty };
