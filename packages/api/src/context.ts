// The tRPC context, in two parts (STYLE §2): createContextInner() for tests and
// in-process callers, createContext() for HTTP, which resolves who is calling.
import type { Db } from '@tenantry/db';

import type { Auth } from './auth.ts';
import { parseSecret } from './lib/secrets.ts';

/** Who is calling, as far as the credentials say. tenantProcedure checks it against the database. */
export type Principal =
  | { kind: 'session'; userId: string; tenantId: string }
  | { kind: 'apiKey'; tenantId: string; keyHash: string };

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

/** An API key in `Authorization: Bearer tk_…`, or null. */
function apiKeyPrincipal(headers: Headers): Principal | null {
  const match = /^Bearer\s+(tk_\S+)$/i.exec(headers.get('authorization') ?? '');
  const parsed = match?.[1] ? parseSecret('tk', match[1]) : null;
  return parsed ? { kind: 'apiKey', tenantId: parsed.tenantId, keyHash: parsed.hash } : null;
}

export async function resolvePrincipal(auth: Auth, headers: Headers): Promise<Principal | null> {
  const apiKey = apiKeyPrincipal(headers);
  if (apiKey) return apiKey;
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  return { kind: 'session', userId: session.user.id, tenantId: session.user.tenantId };
}

export async function createContext(options: Omit<ContextOptions, 'principal'> & { headers: Headers }) {
  return createContextInner({ ...options, principal: await resolvePrincipal(options.auth, options.headers) });
}
