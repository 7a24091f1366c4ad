// get-session read by checkSession: the same answer as better-auth's handler,
// field by field, for a live session; everything else left to better-auth; and
// an ended session never answered from anything but the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkSession } from './session-check.ts';
import { createHarness, PASSWORD } from './testing/harness.ts';
import type { Harness, Member, Org } from './testing/harness.ts';
import { credentialHeaders, SESSION_COOKIE } from './testing/credentials.ts';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('session-check');
});
afterAll(() => h.close());

const cookieOf = async (token: string) => (await credentialHeaders(h.auth, token)).cookie ?? '';
const check = async (cookie: string, query = '') => checkSession(h.auth, h.authDb, { cookie, query });

/** better-auth's own get-session: its status, Set-Cookie and parsed body. */
async function betterAuths(cookie: string) {
  const response = await h.auth.handler(
    new Request('http://localhost:3000/api/auth/get-session', { headers: { cookie } }),
  );
  return {
    status: response.status,
    setCookie: response.headers.getSetCookie(),
    body: (await response.json()) as { session: Record<string, unknown> } | null,
  };
}

/** A new session of the owner (signed in as a browser does); its token. */
async function signIn(email = org.owner.email): Promise<string> {
  const { headers } = await h.auth.api.signInEmail({
    body: { email, password: PASSWORD },
    returnHeaders: true,
  });
  const line = headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
  const value = decodeURIComponent(line.slice(SESSION_COOKIE.length + 1).split(';')[0] ?? '');
  return value.slice(0, value.lastIndexOf('.'));
}

const setExpiry = (token: string, sql: string) =>
  h.db.owner.exec(`update sessions set expires_at = ${sql} where token = '${token}'`);

describe('checkSession', () => {
  it("answers a live session with better-auth's answer, field by field, without the token", async () => {
    const cookie = await cookieOf(await signIn());
    const ours = await check(cookie);
    const theirs = await betterAuths(cookie);
    expect(theirs.status).toBe(200);
    // better-auth sets no cookie on this path either: nothing of its answer is lost.
    expect(theirs.setCookie).toEqual([]);
    expect(theirs.body?.session).toHaveProperty('token');
    delete theirs.body?.session.token;
    expect(JSON.parse(JSON.stringify(ours))).toStrictEqual(theirs.body);
  });

  it('answers null when no session cookie came, as better-auth does', async () => {
    for (const cookie of ['', 'theme=dark']) {
      expect(await check(cookie)).toBeNull();
      expect(await betterAuths(cookie)).toEqual({ status: 200, setCookie: [], body: null });
    }
  });

  it('leaves to better-auth what it does more than read for: a forged or unknown cookie, its options, its other cookies', async () => {
    const token = await signIn();
    const cookie = await cookieOf(token);
    const [value = ''] = cookie.split('=').slice(1);
    for (const other of [
      `${SESSION_COOKIE}=${value.slice(0, -6)}AAAA%3D`, // a changed signature
      `${SESSION_COOKIE}=${token}`, // the token unsigned
      await cookieOf('no-such-session-token'),
      `${cookie}; ${cookie}`, // two session cookies
      `${cookie}; better-auth.session_data=stale`, // the cookie cache it clears
      `${cookie}; better-auth.dont_remember=x`, // a session it must not extend
    ]) {
      expect(await check(other), other).toBeUndefined();
    }
    expect(await check(cookie, 'disableRefresh=true')).toBeUndefined();
  });

  it('leaves an expired session, and one due for refresh, to better-auth', async () => {
    const expired = await signIn();
    await setExpiry(expired, `now() - interval '1 minute'`);
    expect(await check(await cookieOf(expired))).toBeUndefined();
    expect((await betterAuths(await cookieOf(expired))).body).toBeNull();

    // Under a week left, by more than a day (better-auth's updateAge): it extends the session.
    const due = await signIn();
    await setExpiry(due, `now() + interval '5 days'`);
    expect(await check(await cookieOf(due))).toBeUndefined();
    const refreshed = await betterAuths(await cookieOf(due));
    expect(refreshed.setCookie.some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(true);
    expect((await check(await cookieOf(due)))?.session.userId).toBe(org.owner.id);
  });

  describe('an ended session is gone on the very next call', () => {
    let member: Member;
    beforeAll(async () => {
      member = await h.addMember(org, 'MEMBER', 'checked');
    });

    it('signed out', async () => {
      const cookie = await cookieOf(await signIn());
      expect((await check(cookie))?.user.id).toBe(org.owner.id);
      await h.auth.api.signOut({ headers: new Headers({ cookie }) });
      expect(await check(cookie)).toBeUndefined();
      expect((await betterAuths(cookie)).body).toBeNull();
    });

    it('role changed, then deactivated', async () => {
      const cookie = await cookieOf(await signIn(member.email));
      expect((await check(cookie))?.user.role).toBe('MEMBER');
      await org.owner.caller.member.updateRole({ userId: member.id, role: 'ADMIN' });
      expect(await check(cookie)).toBeUndefined();
      expect((await betterAuths(cookie)).body).toBeNull();

      const again = await cookieOf(await signIn(member.email));
      expect((await check(again))?.user.role).toBe('ADMIN');
      await org.owner.caller.member.deactivate({ userId: member.id });
      expect(await check(again)).toBeUndefined();
      expect((await betterAuths(again)).body).toBeNull();
    });
  });
});
