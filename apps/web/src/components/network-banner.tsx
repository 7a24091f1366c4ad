// The offline / reconnecting banner. It shows while the browser is offline or the API does not
// answer (lib/network.ts), probes the server's readiness every few seconds meanwhile, and once
// the API is back, refetches every query on screen that had failed, so no page needs a reload.
// It sits at the bottom of the window, where it covers neither the page's header nor its menu
// button; the toasts move up above it (components/toaster.tsx), a spacer keeps the end of the
// page reachable, and `data-network-banner` on <html> lifts the sticky sidebar's foot (Sign out)
// above it. The live region is always there, so the change of words is announced.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

import { network, useConnection } from '../lib/network.ts';
import type { Connection } from '../lib/network.ts';
import { Button } from './button.tsx';

export const PROBE_INTERVAL_MS = 3_000;
/** The toaster lifts its toasts by this much while the banner shows. */
export const BANNER_HEIGHT_PX = 56;

const WORDS: Record<Exclude<Connection, 'online'>, string> = {
  offline: 'You are offline. Changes cannot be saved until the connection is back.',
  unreachable: "Can't reach Tenantry. Reconnecting…",
  unavailable: 'Tenantry is not answering right now. Reconnecting…',
};

/** Asks the server whether it is up and its database answers; the answer goes to `network`. */
async function probeReadiness(): Promise<void> {
  try {
    const response = await fetch('/readyz', { cache: 'no-store' });
    network.answered(response.status);
  } catch {
    network.failed();
  }
}

interface Props {
  /** Asks whether the API is back and reports to `network`; tests pass their own. */
  probe?: () => Promise<void>;
  intervalMs?: number;
}

export function NetworkBanner({ probe = probeReadiness, intervalMs = PROBE_INTERVAL_MS }: Props) {
  const connection = useConnection();
  const queryClient = useQueryClient();
  const previous = useRef(connection);

  const showing = connection !== 'online';
  useEffect(() => {
    if (!showing) return;
    const root = document.documentElement;
    root.dataset.networkBanner = '';
    return () => {
      delete root.dataset.networkBanner;
    };
  }, [showing]);

  useEffect(() => {
    const was = previous.current;
    previous.current = connection;
    if (connection === 'online') {
      if (was !== 'online') {
        void queryClient.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' });
      }
      return;
    }
    const timer = setInterval(() => void probe(), intervalMs);
    return () => {
      clearInterval(timer);
    };
  }, [connection, probe, intervalMs, queryClient]);

  return (
    <div role="status">
      {connection === 'online' ? null : (
        <>
          <div aria-hidden="true" style={{ height: BANNER_HEIGHT_PX }} />
          <div
            style={{ minHeight: BANNER_HEIGHT_PX }}
            className="fixed inset-x-0 bottom-0 z-40 flex flex-wrap items-center justify-center gap-x-4 gap-y-1 border-t border-amber-300 bg-amber-100 px-4 py-2 text-center text-sm text-amber-900 shadow-lg dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            <span>{WORDS[connection]}</span>
            {connection === 'offline' ? null : (
              <Button variant="secondary" small onClick={() => void probe()}>
                Retry now
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
