// What a request carries, read without the database: an API key, or a session
// token (better-auth's signed session cookie, or the token itself in
// `Authorization: Bearer`, which better-auth's bearer plugin also accepts).
// Whether the session or key still stands is for the database to say, in the
// one statement that opens a tenant call (actor.ts); better-auth's getSession,
// which costs two lookups and their transactions, is not called per request.
import { parseCookies } from 'better-auth/cookies';
import { constantTimeEqual, makeSignature } from 'better-auth/crypto';

import type { Auth } from './auth.ts';
import { parseSecret } from './lib/secrets.ts';

/** Who is calling, as far as the credentials say; tenantProcedure checks it against the database. */
export type Principal =
  { kind: 'session'; token: string } | { kind: 'apiKey'; tenantId: string; keyHash: string };

const BEARER = /^Bearer\s+(\S+)$/i;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The token of a signed value (`token.signature`, as better-auth signs its cookie), or null if forged. */
async function verified(value: string, secret: string): Promise<string | null> {
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  return constantTimeEqual(await makeSignature(token, secret), signature) ? token : null;
}

export async function resolvePrincipal(auth: Auth, headers: Headers): Promise<Principal | null> {
  const bearer = BEARER.exec(headers.get('authorization') ?? '')?.[1];
  if (bearer?.startsWith('tk_')) {
    const key = parseSecret('tk', bearer);
    return key ? { kind: 'apiKey', tenantId: key.tenantId, keyHash: key.hash } : null;
  }
  const { authCookies, secret } = await auth.$context;
  if (bearer) {
    // Like the bearer plugin: a signed token is checked, a bare one is the token.
    const token = bearer.includes('.') ? await verified(decode(bearer), secret) : bearer;
    return token ? { kind: 'session', token } : null;
  }
  const cookie = parseCookies(headers.get('cookie') ?? '').get(authCookies.sessionToken.name);
  const token = cookie ? await verified(cookie, secret) : null;
  return token ? { kind: 'session', token } : null;
}
