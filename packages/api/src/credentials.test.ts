// The request's credentials, checked without better-auth's getSession: only a
// cookie better-auth signed with this secret counts, and the session behind it
// must still exist, unexpired, on every call.
import { makeSignature } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness, PASSWORD } from './testing/harness.ts';
import type { Harness, Org } from './testing/harness.ts';
import { callOverHttp } from './testing/over-http.ts';

let h: Harness;
let org: Org;
let cookieName: string;
let signed: string;

/** The owner's session cookie (name=token.signature), as the browser keeps it after signing in. */
async function signIn(): Promise<string> {
  const { headers } = await h.auth.api.signInEmail({
    body: { email: org.owner.email, password: PASSWORD },
    returnHeaders: true,
  });
  const cookie = headers.getSetCookie().find((c) => c.startsWith(`${cookieName}=`));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return decodeURIComponent(cookie.slice(cookieName.length + 1).split(';')[0] ?? '');
}

async function status(headers: Record<string, string>): Promise<number> {
  return (await callOverHttp(h, 'site.list', {}, headers)).status;
}

const withCookie = (value: string) => ({ cookie: `${cookieName}=${encodeURIComponent(value)}` });

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('credentials');
  cookieName = (await h.auth.$context).authCookies.sessionToken.name;
  signed = await signIn();
});
afterAll(() => h.close());

describe('session credentials', () => {
  it("better-auth's signed cookie opens a tenant call", async () => {
    expect(signed).toMatch(/^[^.]+\.[A-Za-z0-9+/]{43}=$/);
    expect(await status(withCookie(signed))).toBe(200);
  });

  it('a cookie with the token alone, a changed signature or a changed token is refused', async () => {
    const [token = '', signature = ''] = signed.split('.');
    expect(await status(withCookie(token))).toBe(401);
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await status(withCookie(`${token}.${flipped}`))).toBe(401);
    expect(await status(withCookie(`${org.owner.token}.${signature}`))).toBe(401);
  });

  it('a live session token signed with another secret is refused', async () => {
    const [token = ''] = signed.split('.');
    const forged = await makeSignature(token, 'another-secret-of-at-least-thirty-two-chars');
    expect(await status(withCookie(`${token}.${forged}`))).toBe(401);
    expect(await status(withCookie(signed))).toBe(200);
  });

  it('a session token in Authorization: Bearer is refused, bare or signed, even beside a good cookie', async () => {
    const session = await signIn();
    const [token = ''] = session.split('.');
    for (const bearer of [token, encodeURIComponent(session), session]) {
      expect(await status({ authorization: `Bearer ${bearer}` }), bearer).toBe(401);
      expect(await status({ authorization: `Bearer ${bearer}`, ...withCookie(session) }), bearer).toBe(401);
    }
    expect(await status(withCookie(session))).toBe(200);
  });

  it('a session that was signed out, or has expired, is refused on the very next call', async () => {
    const session = await signIn();
    expect(await status(withCookie(session))).toBe(200);
    const out = await h.auth.api.signOut({ headers: new Headers(withCookie(session)) });
    expect(out.success).toBe(true);
    expect(await status(withCookie(session))).toBe(401);

    const expiring = await signIn();
    const [token = ''] = expiring.split('.');
    await h.db.owner.exec(
      `update sessions set expires_at = now() - interval '1 second' where token = '${token}'`,
    );
    expect(await status(withCookie(expiring))).toBe(401);
  });

  it('no credential at all, or an unrelated cookie, is 401', async () => {
    expect(await status({})).toBe(401);
    expect(await status({ cookie: 'unrelated=1' })).toBe(401);
  });
});
