// Keyset "load more" over a tRPC list procedure. We do not use tRPC's
// infiniteQueryOptions: it adds a `direction` key to the input, and every
// input here is a strict object, so the server rejects it as unknown.
import { useInfiniteQuery } from '@tanstack/react-query';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * `key` should be the procedure's infiniteQueryKey(input), so invalidating the
 * router's pathKey() after a mutation refreshes every loaded page.
 */
export function useKeysetList<T>(
  key: readonly unknown[],
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
) {
  return useInfiniteQuery({
    queryKey: [...key],
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The list input for one page: the first page sends no cursor key at all. */
export function withCursor<T extends object>(input: T, cursor: string | undefined): T & { cursor?: string } {
  return cursor ? { ...input, cursor } : input;
}
