// One QueryClient and one tRPC client for the app. Errors are handled here
// once: an ended session goes to sign-in. A query that fails is retried with
// back-off (unless refused with a 4xx), then its page shows an error state with
// the reason and Retry; a toast adds to that only when the page still shows older
// data, which would otherwise hide the failure. A call that got no answer (or a
// 503) is the offline banner's to report; a failed change says so in one toast.
import type { AppRouter } from '@tenantry/api';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';

import { appErrorCode, errorCode, errorMessage, isClientError, isTransient } from './errors.ts';
import { reportingFetch } from './network.ts';
import { redirectToSignIn } from './session.ts';
import { toast } from './toast.tsx';

/** A query gives up after this many tries; the banner's probe takes over from there. */
const QUERY_ATTEMPTS = 3;

function onError(error: unknown, { query, hadData }: { query: boolean; hadData: boolean }) {
  if (errorCode(error) === 'UNAUTHORIZED') {
    redirectToSignIn(appErrorCode(error));
    return;
  }
  if (query && (!hadData || errorCode(error) === 'NOT_FOUND' || isTransient(error))) return;
  // One toast per message: four failed calls of an outage say it once, not four times.
  const message = errorMessage(error);
  toast(message, 'error', { id: isTransient(error) ? 'network' : message });
}

/**
 * The app's QueryClient policy. Tests build their own with `retryDelay: 0`, so a
 * retried failure is still retried (twice) without waiting out the back-off.
 */
export function createQueryClient({ retryDelay }: { retryDelay?: number } = {}) {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        onError(error, { query: true, hadData: query.state.data !== undefined });
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        // A form that shows its own error banner opts out with meta: { toast: false }.
        if (mutation.meta?.toast === false && errorCode(error) !== 'UNAUTHORIZED') return;
        onError(error, { query: false, hadData: false });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // Calls go out even when the browser says it is offline, and fail: a page shows its
        // error state and Retry instead of a skeleton paused until the network returns.
        networkMode: 'always',
        refetchOnReconnect: true,
        // A refused request (4xx) gets the same answer again; anything else may pass next time.
        retry: (failures, error) => !isClientError(error) && failures < QUERY_ATTEMPTS - 1,
        retryDelay: retryDelay ?? ((attempt) => Math.min(1_000 * 2 ** attempt, 8_000)),
      },
      mutations: { networkMode: 'always' },
    },
  });
}

export const queryClient = createQueryClient();

/** The app's tRPC client; tests pass the fetch of a fake API endpoint. */
export function createTrpcClient(fetchImpl: typeof fetch = fetch) {
  // Every call's outcome feeds the offline banner (lib/network.ts).
  const send = reportingFetch(fetchImpl);
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/trpc',
        transformer: superjson,
        fetch: (input, init) => send(input, { ...init, credentials: 'include' }),
      }),
    ],
  });
}

export const trpcClient = createTrpcClient();
