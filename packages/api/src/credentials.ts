// What a request carries, read without the database: a tenant API key in
// `Authorization: Bearer tk_…`, or better-auth's signed session cookie. A
// session token is accepted only in that cookie: no bearer session tokens, so
// script on a page (which cannot read the HttpOnly cookie) has nothing to
// replay. Whether the session or key still stands is for the database to say,
// in the one statement that opens a tenant call (actor.ts); better-auth's
// getSession, which costs two lookups, is not called per request.
import { createHmac } from 'node:crypto';

import { parseCookies } from 'better-auth/cookies';
import { constantTimeEqual } from 'better-auth/crypto';

import type { Auth } from './auth.ts';
import { parseSecret } from './lib/secrets.ts';

/** Who is calling, as far as the credentials say; tenantProcedure checks it against the database. */
export type Principal =
  { kind: 'session'; token: string } | { kind: 'apiKey'; tenantId: string; keyHash: string };

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The token of a signed value (`token.signature`, as better-auth signs its cookie), or null if forged.
 * The signature is better-auth's makeSignature (base64 HMAC-SHA256 of the token), computed with
 * node:crypto: the same bytes without WebCrypto's key import and async job on every request.
 */
function verified(value: string, secret: string): string | null {
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  const expected = createHmac('sha256', secret).update(token).digest('base64');
  return constantTimeEqual(expected, signature) ? token : null;
}

export async function resolvePrincipal(auth: Auth, headers: Headers): Promise<Principal | null> {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    // Only API keys go in Authorization; anything else there is refused, not ignored.
    const key = parseSecret('tk', BEARER.exec(authorization)?.[1] ?? '');
    return key ? { kind: 'apiKey', tenantId: key.tenantId, keyHash: key.hash } : null;
  }
  const token = await signedSessionToken(auth, headers.get('cookie') ?? '');
  return token ? { kind: 'session', token } : null;
}

/** The session token in better-auth's signed cookie (a Cookie header), or null if absent or forged. */
export async function signedSessionToken(auth: Auth, cookieHeader: string): Promise<string | null> {
  const { authCookies, secret } = await auth.$context;
  const cookie = parseCookies(cookieHeader).get(authCookies.sessionToken.name);
  return cookie ? verified(cookie, secret) : null;
}
