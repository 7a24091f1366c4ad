// Renders a real component inside the app's real providers (StrictMode, the
// app's QueryClient policy and tRPC client, a router, the toaster), with the
// API answered by a FakeApi.
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { toast } from 'sonner';
import { expect, onTestFinished } from 'vitest';
import { page } from 'vitest/browser';
import { render, renderHook } from 'vitest-browser-react';

import { Toaster } from '../components/toaster.tsx';
import { createQueryClient, createTrpcClient } from '../lib/client.ts';
import { network } from '../lib/network.ts';
import { TRPCProvider } from '../trpc.ts';
import { createFakeApi } from './fake-api.ts';
import type { FakeApi, Handlers } from './fake-api.ts';

interface Options {
  /** The URL the router starts at. */
  at?: string;
  /** The route pattern `ui` is mounted on, for pages that read params. */
  route?: string;
  api?: FakeApi | Handlers;
}

/** The current location, written where a test can read it. */
function LocationProbe() {
  const location = useLocation();
  return <output aria-label="Location">{location.pathname + location.search}</output>;
}

/** The app's providers around a FakeApi; cleaned up and checked when the test ends. */
function testApp(api: FakeApi | Handlers) {
  const fake = 'fetch' in api ? api : createFakeApi(api);
  // No back-off between retries: a retried failure still takes three calls, but no wall-clock time.
  const queryClient = createQueryClient({ retryDelay: 0 });
  // The browser cannot run the database: the app's own client talks to an in-page fake of /trpc.
  const trpcClient = createTrpcClient(fake.fetch);
  onTestFinished(() => {
    queryClient.clear();
    // The connection state is the page's, not the test's: the next test starts connected.
    network.reset();
    // Sonner's store outlives the page's toaster and replays live toasts to the next one.
    toast.dismiss();
    // A call nobody answers would fail quietly inside the component; make it fail the test.
    expect(fake.unhandled, 'procedures called without a handler').toEqual([]);
  });
  function Providers({ children }: { children: ReactNode }) {
    return (
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            {children}
            <Toaster />
          </TRPCProvider>
        </QueryClientProvider>
      </StrictMode>
    );
  }
  return { api: fake, queryClient, Providers };
}

export async function renderApp(ui: ReactNode, { at = '/', route = '*', api = {} }: Options = {}) {
  const { Providers, ...app } = testApp(api);
  const screen = await render(
    <Providers>
      <MemoryRouter initialEntries={[at]}>
        <Routes>
          <Route path={route} element={ui} />
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </Providers>,
  );
  return { screen, ...app };
}

/** A hook rendered inside the same providers (and a router at `/`). */
export async function renderAppHook<Props, Result>(
  hook: (props?: Props) => Result,
  { api = {}, initialProps }: { api?: FakeApi | Handlers; initialProps?: Props } = {},
) {
  const { Providers, ...app } = testApp(api);
  const hooked = await renderHook(hook, {
    initialProps,
    wrapper: ({ children }) => (
      <Providers>
        <MemoryRouter>{children}</MemoryRouter>
      </Providers>
    ),
  });
  return { ...hooked, ...app };
}

/** The toaster: a polite live region named "Notifications" (plus sonner's hotkey). */
export const notifications = () => page.getByRole('region', { name: /^Notifications/ });
