// One QueryClient and one tRPC client for the app. Errors are handled here
// once: an ended session goes to sign-in, anything else raises a toast with
// the server's message (pages still render their own not-found states).
import type { AppRouter } from '@tenantry/api';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';

import { errorCode, errorMessage } from './errors.ts';
import { redirectToSignIn } from './session.ts';
import { toast } from './toast.tsx';

const NO_RETRY = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'CONFLICT']);

function onError(error: unknown, { silentNotFound }: { silentNotFound: boolean }) {
  const code = errorCode(error);
  if (code === 'UNAUTHORIZED') {
    redirectToSignIn();
    return;
  }
  if (silentNotFound && code === 'NOT_FOUND') return;
  toast(errorMessage(error), 'error');
}

/**
 * The app's QueryClient policy. Tests build their own with `retryDelay: 0`, so a
 * retried failure is still retried (twice) without waiting out the back-off.
 */
export function createQueryClient({ retryDelay }: { retryDelay?: number } = {}) {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        onError(error, { silentNotFound: true });
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        // A form that shows its own error banner opts out with meta: { toast: false }.
        if (mutation.meta?.toast === false && errorCode(error) !== 'UNAUTHORIZED') return;
        onError(error, { silentNotFound: false });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failures, error) => !NO_RETRY.has(errorCode(error) ?? '') && failures < 2,
        ...(retryDelay === undefined ? {} : { retryDelay }),
      },
    },
  });
}

export const queryClient = createQueryClient();

/** The app's tRPC client; tests pass the fetch of a fake API endpoint. */
export function createTrpcClient(fetchImpl: typeof fetch = fetch) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/trpc',
        transformer: superjson,
        fetch: (input, init) => fetchImpl(input, { ...init, credentials: 'include' }),
      }),
    ],
  });
}

export const trpcClient = createTrpcClient();
