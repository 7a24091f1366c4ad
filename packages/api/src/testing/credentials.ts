// How tests present a credential as a real client would: an API key in
// `Authorization: Bearer`, a session token in better-auth's signed cookie
// (the only place the server accepts one). The token comes from the
// Set-Cookie of the call that started the session.
import { makeSignature } from 'better-auth/crypto';

import type { Auth } from '../auth.ts';

export const SESSION_COOKIE = 'better-auth.session_token';

/** The session token in a response's Set-Cookie (its signature stripped), or throws. */
export function sessionTokenOf(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  const value = cookie ? decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1).split(';')[0] ?? '') : '';
  const token = value.slice(0, value.lastIndexOf('.'));
  if (!token) throw new Error('the response started no session');
  return token;
}

/** The header that carries `credential`: an API key (`tk_…`) or a session token. */
export async function credentialHeaders(
  auth: Auth,
  credential: string | null,
): Promise<Record<string, string>> {
  if (!credential) return {};
  if (credential.startsWith('tk_')) return { authorization: `Bearer ${credential}` };
  const { secret } = await auth.$context;
  const signed = `${credential}.${await makeSignature(credential, secret)}`;
  return { cookie: `${SESSION_COOKIE}=${encodeURIComponent(signed)}` };
}
