// The tRPC context, in two parts (STYLE §2): createContextInner() for tests and
// in-process callers, createContext() for HTTP, which resolves who is calling.
import type { Db } from '@tenantry/db';

import type { Auth } from './auth.ts';
import { resolvePrincipal } from './credentials.ts';
import type { Principal } from './credentials.ts';

export type { Principal };

export interface ContextOptions {
  db: Db;
  auth: Auth;
  principal?: Principal | null;
  /** The request's headers, passed on to better-auth. */
  headers?: Headers;
  /** Headers for the response; procedures that sign someone in add Set-Cookie here. */
  resHeaders?: Headers;
}

export function createContextInner(options: ContextOptions) {
  return {
    db: options.db,
    auth: options.auth,
    principal: options.principal ?? null,
    headers: options.headers ?? new Headers(),
    resHeaders: options.resHeaders ?? new Headers(),
  };
}

export type Context = ReturnType<typeof createContextInner>;

export async function createContext(options: Omit<ContextOptions, 'principal'> & { headers: Headers }) {
  return createContextInner({ ...options, principal: await resolvePrincipal(options.auth, options.headers) });
}
