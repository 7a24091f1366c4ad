import { useInfiniteQuery } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import { createFakeApi } from '../test/fake-api.ts';
import { asset, assets, page, uuid } from '../test/fixtures.ts';
import type { Asset } from '../test/fixtures.ts';
import { renderAppHook } from '../test/render.tsx';
import { useTRPC } from '../trpc.ts';
import { keysetPaging } from './keyset.ts';

/** A list as the tables read it: tRPC's infiniteQueryOptions with keyset paging. */
function useAssets(search = '') {
  const trpc = useTRPC();
  const input = search ? { limit: 2, search } : { limit: 2 };
  return { trpc, list: useInfiniteQuery(trpc.asset.list.infiniteQueryOptions(input, keysetPaging)) };
}

const names = (pages: { items: Asset[] }[] | undefined) => pages?.flatMap((p) => p.items.map((a) => a.name));

describe('keyset paging', () => {
  it('starts without a cursor, follows nextCursor, and stops when the server has no more', async () => {
    const api = createFakeApi({
      asset: { list: (input) => (input.cursor ? page([asset(3)]) : page(assets(1, 2), uuid(2))) },
    });
    const { result } = await renderAppHook(() => useAssets(), { api });

    await expect.poll(() => result.current.list.hasNextPage).toBe(true);
    await result.current.list.fetchNextPage();
    await expect
      .poll(() => names(result.current.list.data?.pages))
      .toEqual(['Pump 001', 'Pump 002', 'Pump 003']);
    expect(result.current.list.hasNextPage).toBe(false);
    // The API's list inputs accept tRPC's `direction`; the first page has no cursor key at all.
    expect(api.inputsOf('asset.list')).toEqual([
      { limit: 2, direction: 'forward' },
      { limit: 2, cursor: uuid(2), direction: 'forward' },
    ]);
  });

  it("invalidating the router's pathKey refetches every loaded page, each with its own cursor", async () => {
    const api = createFakeApi({
      asset: { list: (input) => (input.cursor ? page([asset(3)]) : page(assets(1, 2), uuid(2))) },
    });
    const { result, queryClient } = await renderAppHook(() => useAssets(), { api });
    await expect.poll(() => result.current.list.hasNextPage).toBe(true);
    await result.current.list.fetchNextPage();
    await expect.poll(() => result.current.list.data?.pages.length).toBe(2);

    // Someone renamed an asset on each page; a mutation's onSuccess invalidates the router.
    api.handle({
      asset: {
        list: (input) =>
          input.cursor
            ? page([asset(3, { name: 'Renamed 3' })])
            : page([asset(1, { name: 'Renamed 1' }), asset(2)], uuid(2)),
      },
    });
    await queryClient.invalidateQueries({ queryKey: result.current.trpc.asset.pathKey() });
    await expect
      .poll(() => names(result.current.list.data?.pages))
      .toEqual(['Renamed 1', 'Pump 002', 'Renamed 3']);
    expect(api.inputsOf('asset.list').slice(2)).toEqual([
      { limit: 2, direction: 'forward' },
      { limit: 2, cursor: uuid(2), direction: 'forward' },
    ]);
  });

  it('a new input is a new list, fetched from its first page', async () => {
    const api = createFakeApi({
      asset: {
        list: (input) =>
          input.search ? page([asset(9)]) : input.cursor ? page([asset(3)]) : page(assets(1, 2), uuid(2)),
      },
    });
    const { result, rerender } = await renderAppHook((search?: string) => useAssets(search), { api });
    await expect.poll(() => result.current.list.hasNextPage).toBe(true);
    await result.current.list.fetchNextPage();
    await expect.poll(() => result.current.list.data?.pages.length).toBe(2);

    await rerender('pump');
    await expect.poll(() => names(result.current.list.data?.pages)).toEqual(['Pump 009']);
    expect(result.current.list.hasNextPage).toBe(false);
    expect(api.inputsOf('asset.list').at(-1)).toEqual({ limit: 2, search: 'pump', direction: 'forward' });
  });
});
