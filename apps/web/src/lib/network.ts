// Whether the API can be reached, as the browser and the app's own calls see it. The offline
// banner (components/network-banner.tsx) shows whatever this says; the tRPC client reports the
// outcome of every call to it, and the banner's probe reports while it waits for a way back.
import { useSyncExternalStore } from 'react';

/** online: all well · offline: the browser has no network · unreachable: calls fail before an
 * answer · unavailable: the server answers 502/503/504 (restarting, its database down). */
export type Connection = 'online' | 'offline' | 'unreachable' | 'unavailable';

type ApiState = 'ok' | 'unreachable' | 'unavailable';

const TRANSIENT_STATUSES = new Set([502, 503, 504]);

let browserOnline = typeof navigator === 'undefined' ? true : navigator.onLine;
let api: ApiState = 'ok';
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

function setApi(next: ApiState) {
  if (next === api) return;
  api = next;
  emit();
}

export const network = {
  connection: (): Connection => {
    if (!browserOnline) return 'offline';
    return api === 'ok' ? 'online' : api;
  },
  /** An HTTP answer came back: the API is reachable, unless it said it is unavailable. */
  answered: (status: number) => {
    setApi(TRANSIENT_STATUSES.has(status) ? 'unavailable' : 'ok');
  },
  /** A call failed with no answer at all (refused, reset, DNS, offline). */
  failed: () => {
    setApi('unreachable');
  },
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  /** Tests start each case connected. */
  reset: () => {
    browserOnline = navigator.onLine;
    api = 'ok';
    emit();
  },
};

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    browserOnline = true;
    emit();
  });
  window.addEventListener('offline', () => {
    browserOnline = false;
    emit();
  });
}

/** `fetch` that reports each outcome; an aborted call (a cancelled query) says nothing. */
export function reportingFetch(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    try {
      const response = await fetchImpl(input, init);
      network.answered(response.status);
      return response;
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) network.failed();
      throw error;
    }
  };
}

export function useConnection(): Connection {
  return useSyncExternalStore(network.subscribe, network.connection);
}
