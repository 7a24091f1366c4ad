// What better-auth exposes through the server: the product's three endpoints
// and nothing else, and never a session token outside the HttpOnly cookie.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AUTH_PREFIX, OPEN_AUTH_ENDPOINTS } from './routes/auth.ts';
import { cookieFetch } from './testing/cookie-fetch.ts';
import type { CookieFetch } from './testing/cookie-fetch.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

const ORIGIN = 'http://localhost:5173';
const EMAIL = 'surface-owner@example.test';
const PASSWORD = 'a long password';

let s: TestServer;
let browser: CookieFetch;

const json = { 'content-type': 'application/json' };

/** The session token in the browser's cookie (its signature stripped). */
const sessionToken = () =>
  decodeURIComponent(browser.cookies.get('better-auth.session_token') ?? '').split('.')[0] ?? '';

beforeAll(async () => {
  s = await startTestServer({ TRUSTED_ORIGINS: ORIGIN });
  browser = cookieFetch(ORIGIN);
  const registered = await browser.fetch(`${s.url}/trpc/organization.register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      json: { organizationName: 'Surface Co', name: 'Sam', email: EMAIL, password: PASSWORD },
    }),
  });
  expect(registered.status).toBe(200);
  expect(await registered.text()).not.toContain(sessionToken());
});
afterAll(() => s.close());

describe("better-auth's surface", () => {
  it('serves exactly the endpoints the product uses; every other one of its endpoints is 404', async () => {
    const open: string[] = [];
    for (const endpoint of Object.values(s.server.auth.api) as { path?: string }[]) {
      if (!endpoint.path) continue; // server-only
      const path = endpoint.path.replace(/:\w+/g, 'x');
      for (const method of ['GET', 'POST']) {
        const response = await browser.fetch(`${s.url}${AUTH_PREFIX}${path}`, {
          method,
          headers: json,
          ...(method === 'POST' && { body: '{}' }),
        });
        expect(response.headers.get('cache-control')).toBe('no-store');
        if (response.status !== 404) open.push(`${method} ${endpoint.path}`);
      }
    }
    expect(open.sort()).toEqual(['GET /get-session', 'POST /sign-in/email', 'POST /sign-out']);
    expect([...OPEN_AUTH_ENDPOINTS].sort()).toEqual(open);
  });

  it('paths dressed up to look like an open one are 404 too', async () => {
    for (const path of [
      '/sign-in%2Femail',
      '//sign-in/email',
      '/sign-in/email/',
      '/Sign-In/Email',
      '/nope',
    ]) {
      const response = await fetch(`${s.url}${AUTH_PREFIX}${path}`, {
        method: 'POST',
        headers: json,
        body: '{}',
      });
      expect(response.status, path).toBe(404);
    }
  });

  it('sign-in and get-session answer without the session token; only the cookie carries it', async () => {
    const signIn = await browser.fetch(`${s.url}${AUTH_PREFIX}/sign-in/email`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const token = sessionToken();
    expect(token.length).toBeGreaterThan(20);
    const signInBody = (await signIn.json()) as Record<string, unknown>;
    expect(signInBody).not.toHaveProperty('token');
    expect(signInBody.user).toMatchObject({ email: EMAIL });
    expect(JSON.stringify(signInBody)).not.toContain(token);
    signIn.headers.forEach((value, name) => {
      if (name !== 'set-cookie') expect(value, name).not.toContain(token);
    });
    expect(signIn.headers.get('cache-control')).toBe('no-store');

    const session = await browser.fetch(`${s.url}${AUTH_PREFIX}/get-session`);
    const sessionBody = (await session.json()) as { session: Record<string, unknown>; user: unknown };
    expect(sessionBody.user).toMatchObject({ email: EMAIL });
    expect(sessionBody.session).toHaveProperty('expiresAt');
    expect(sessionBody.session).not.toHaveProperty('token');
    expect(JSON.stringify(sessionBody)).not.toContain(token);
    expect(session.headers.get('cache-control')).toBe('no-store');
  });

  it("get-session, read by the server, answers as better-auth's handler does, headers and body", async () => {
    const cookie = `better-auth.session_token=${browser.cookies.get('better-auth.session_token') ?? ''}`;
    // A query string sends the call through better-auth's handler (this option changes nothing here).
    const get = (query: string, sent: string) =>
      fetch(`${s.url}${AUTH_PREFIX}/get-session${query}`, { headers: { cookie: sent } });
    const headersOf = (response: Response) =>
      [...response.headers].filter(([name]) => !['date', 'content-length'].includes(name));
    for (const sent of [cookie, '']) {
      const ours = await get('', sent);
      const theirs = await get('?disableCookieCache=true', sent);
      expect(headersOf(ours)).toEqual(headersOf(theirs));
      expect(await ours.json()).toStrictEqual(await theirs.json());
    }
  });

  it("no endpoint hands out one session's token to another: list-sessions is closed", async () => {
    const listed = await browser.fetch(`${s.url}${AUTH_PREFIX}/list-sessions`);
    expect(listed.status).toBe(404);
    expect(await listed.text()).not.toContain(sessionToken());
  });

  it('a session token sent as a bearer token opens nothing', async () => {
    const token = sessionToken();
    const trpc = await fetch(`${s.url}/trpc/organization.current`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(trpc.status).toBe(401);
    const session = await fetch(`${s.url}${AUTH_PREFIX}/get-session`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await session.json()).toBeNull();
    // The same session, from its cookie, is alive.
    expect((await browser.fetch(`${s.url}/trpc/organization.current`)).status).toBe(200);
  });
});

describe('get-session after signing out', () => {
  it('answers null on the very next request with the old cookie', async () => {
    const other = cookieFetch(ORIGIN);
    const signIn = await other.fetch(`${s.url}${AUTH_PREFIX}/sign-in/email`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = `better-auth.session_token=${other.cookies.get('better-auth.session_token') ?? ''}`;
    const session = () => fetch(`${s.url}${AUTH_PREFIX}/get-session`, { headers: { cookie } });
    expect(await (await session()).json()).toMatchObject({ user: { email: EMAIL } });
    const signOut = await other.fetch(`${s.url}${AUTH_PREFIX}/sign-out`, {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(signOut.status).toBe(200);
    expect(await (await session()).json()).toBeNull();
  });
});
