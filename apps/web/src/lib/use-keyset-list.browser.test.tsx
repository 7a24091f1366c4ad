import { describe, expect, it, vi } from 'vitest';

import { createFakeApi } from '../test/fake-api.ts';
import { asset, assets, page, uuid } from '../test/fixtures.ts';
import type { Asset } from '../test/fixtures.ts';
import { renderAppHook } from '../test/render.tsx';
import { useTRPC, useTRPCClient } from '../trpc.ts';
import { useKeysetList, withCursor } from './use-keyset-list.ts';
import type { Page } from './use-keyset-list.ts';

/** The hook as the tables use it: keyed by the procedure's infiniteQueryKey, fetched through the client. */
function useAssets(search = '') {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = search ? { limit: 2, search } : { limit: 2 };
  return {
    trpc,
    list: useKeysetList(trpc.asset.list.infiniteQueryKey(input), (cursor) =>
      client.asset.list.query(withCursor(input, cursor)),
    ),
  };
}

const names = (pages: { items: Asset[] }[] | undefined) => pages?.flatMap((p) => p.items.map((a) => a.name));

describe('withCursor', () => {
  it('leaves the cursor key out of the first page and adds it after', () => {
    const input = { limit: 25, search: 'pump' };
    expect(withCursor(input, undefined)).toStrictEqual({ limit: 25, search: 'pump' });
    expect('cursor' in withCursor(input, undefined)).toBe(false);
    expect(withCursor(input, uuid(3))).toStrictEqual({ limit: 25, search: 'pump', cursor: uuid(3) });
    expect(input).toStrictEqual({ limit: 25, search: 'pump' });
  });
});

describe('useKeysetList', () => {
  it('starts without a cursor, follows nextCursor, and stops when the server has no more', async () => {
    const fetchPage = vi.fn((cursor: string | undefined): Promise<Page<string>> =>
      Promise.resolve(
        cursor === undefined ? { items: ['a', 'b'], nextCursor: 'b' } : { items: ['c'], nextCursor: null },
      ),
    );
    const { result } = await renderAppHook(() => useKeysetList(['letters'], fetchPage));

    await expect.poll(() => result.current.data?.pages.length).toBe(1);
    expect(result.current.hasNextPage).toBe(true);
    expect(fetchPage).toHaveBeenLastCalledWith(undefined);

    await result.current.fetchNextPage();
    await expect.poll(() => result.current.data?.pages.flatMap((p) => p.items)).toEqual(['a', 'b', 'c']);
    expect(fetchPage).toHaveBeenLastCalledWith('b');
    expect(result.current.hasNextPage).toBe(false);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it("invalidating the router's pathKey refetches every loaded page, each with its own cursor", async () => {
    const api = createFakeApi({
      asset: { list: (input) => (input.cursor ? page([asset(3)]) : page(assets(1, 2), uuid(2))) },
    });
    const { result, queryClient } = await renderAppHook(() => useAssets(), { api });
    await expect.poll(() => result.current.list.hasNextPage).toBe(true);
    await result.current.list.fetchNextPage();
    await expect
      .poll(() => names(result.current.list.data?.pages))
      .toEqual(['Pump 001', 'Pump 002', 'Pump 003']);

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
    expect(api.inputsOf('asset.list')).toEqual([
      { limit: 2 },
      { limit: 2, cursor: uuid(2) },
      { limit: 2 },
      { limit: 2, cursor: uuid(2) },
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
    expect(api.inputsOf('asset.list').at(-1)).toEqual({ limit: 2, search: 'pump' });
  });
});
