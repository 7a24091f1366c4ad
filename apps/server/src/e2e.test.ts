// The whole flow over real HTTP with @trpc/client, as a sibling app would:
// register, sign out, sign in, then a tenant call.
import type { AppRouter } from '@tenantry/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cookieFetch } from './testing/cookie-fetch.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';
import { withCode } from './testing/trpc-error.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const ORIGIN = 'http://localhost:5173';
const EMAIL = 'e2e-owner@example.test';
const PASSWORD = 'a long password';

describe('end to end over HTTP', () => {
  it('register → sign out → sign in → tenant call with cookies, then a sibling app with an API key', async () => {
    const browser = cookieFetch(ORIGIN);
    const client = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${s.url}/trpc`, transformer: superjson, fetch: browser.fetch })],
    });

    const registered = await client.organization.register.mutate({
      organizationName: 'End To End Ltd',
      name: 'Erin',
      email: EMAIL,
      password: PASSWORD,
    });
    expect(browser.cookies.has('better-auth.session_token')).toBe(true);
    const site = await client.site.create.mutate({ name: 'E2E site' });
    expect(site.createdAt).toBeInstanceOf(Date);

    const signOut = await browser.fetch(`${s.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(signOut.status).toBe(200);
    expect(browser.cookies.has('better-auth.session_token')).toBe(false);
    await expect(client.site.list.query({})).rejects.toSatisfy(withCode('UNAUTHORIZED'));

    const signIn = await browser.fetch(`${s.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const sites = await client.site.list.query({});
    expect(sites.items.map((x) => x.id)).toEqual([site.id]);

    // A sibling app authenticates with an API key the owner made; no session token ever reached it.
    expect(JSON.stringify(registered)).not.toMatch(/token/i);
    const { secret } = await client.apiKey.create.mutate({ name: 'sibling', role: 'MEMBER' });
    const sibling = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${s.url}/trpc`,
          transformer: superjson,
          headers: { authorization: `Bearer ${secret}` },
        }),
      ],
    });
    const current = await sibling.organization.current.query();
    expect(current.organization.name).toBe('End To End Ltd');
    expect(current.me.viaApiKey).toBe(true);
  });

  it('logs carry request ids and never credentials', () => {
    const joined = s.logs.join('\n');
    expect(joined).toMatch(/"reqId":"[0-9a-f-]{36}"/);
    expect(joined).not.toContain(PASSWORD);
    expect(joined).not.toMatch(/better-auth\.session_token=/);
    expect(joined).not.toMatch(/"authorization":"Bearer/);
  });
});
