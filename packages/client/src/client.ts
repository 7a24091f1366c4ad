// createTenantryClient(): a vanilla tRPC client typed by AppRouter, for
// sibling apps and scripts.
import type { AppRouter } from '@tenantry/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { TRPCClient } from '@trpc/client';
import superjson from 'superjson';

import { toTenantryError } from './error.ts';

export interface TenantryClientOptions {
  /** The server's origin, e.g. https://tenantry.example.com. */
  url: string;
  /**
   * A tenant API key (`tk_…`): how sibling apps and scripts authenticate. A
   * session lives only in the browser's HttpOnly cookie; the server accepts no
   * session token in Authorization.
   */
  apiKey?: string;
  /** A fetch to use instead of the global one, e.g. one that carries cookies. */
  fetch?: typeof fetch;
}

/** Matches the server's tRPC maxBatchSize: a longer batch is split, not refused. */
export const MAX_BATCH_ITEMS = 10;
/** Long GET batches go out as several requests rather than risk a 414 from a proxy. */
export const MAX_URL_LENGTH = 2_000;

export type TenantryClient = TRPCClient<AppRouter>;

// Every call's rejection becomes a TenantryError. The tRPC client is a tree of
// proxies ending in `.query()` / `.mutate()`; this wraps each level.
function convertingErrors<T>(value: T): T {
  if (typeof value !== 'function' && (typeof value !== 'object' || value === null)) return value;
  return new Proxy(value, {
    get: (target, prop) => convertingErrors(Reflect.get(target, prop) as unknown),
    apply: (target, thisArg, args) => {
      const result: unknown = Reflect.apply(target as (...a: unknown[]) => unknown, thisArg, args);
      if (!(result instanceof Promise)) return result;
      return result.catch((error: unknown) => {
        throw toTenantryError(error);
      });
    },
  });
}

/**
 * Queries batch; mutations are sent once and never retried by the client (a
 * retry is the caller's decision, since a mutation may have happened).
 */
export function createTenantryClient(options: TenantryClientOptions): TenantryClient {
  const base = options.url.replace(/\/+$/, '');
  return convertingErrors(
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${base}/trpc`,
          transformer: superjson,
          maxItems: MAX_BATCH_ITEMS,
          maxURLLength: MAX_URL_LENGTH,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          headers: () => (options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        }),
      ],
    }),
  );
}
