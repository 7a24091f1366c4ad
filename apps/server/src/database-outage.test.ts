// The database going away under a running server: calls get 503 with
// Retry-After and a clear message, never 500; nothing acknowledged is lost;
// and the server recovers by itself when the database is back.
import { startTcpProxy } from '@tenantry/db/testing';
import type { TcpProxy } from '@tenantry/db/testing';
import { describe, expect, it } from 'vitest';

import { RETRY_AFTER_SECONDS } from './routes/trpc.ts';
import { cookieFetch } from './testing/cookie-fetch.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

const ORIGIN = 'http://localhost:5173';

async function setUp() {
  let proxy: TcpProxy | undefined;
  const s = await startTestServer(
    {},
    {
      through: async (url) => {
        proxy = await startTcpProxy(url);
        return proxy.url;
      },
      pool: { max: 4, acquireTimeoutMs: 1_000 },
    },
  );
  if (!proxy) throw new Error('the test server did not connect through the proxy');
  const browser = cookieFetch(ORIGIN);
  const call = (path: string, input: unknown, method: 'GET' | 'POST' = 'POST') => {
    const body = JSON.stringify({ json: input });
    return method === 'GET'
      ? browser.fetch(`${s.url}/trpc/${path}?input=${encodeURIComponent(body)}`)
      : browser.fetch(`${s.url}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
  };
  const registered = await call('organization.register', {
    organizationName: 'Outage Ltd',
    name: 'Olive',
    email: `olive-${Date.now()}@example.test`,
    password: 'a long password',
  });
  expect(registered.status).toBe(200);
  const auth = (path: string, body?: unknown) =>
    browser.fetch(`${s.url}/api/auth${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    });
  return { s, proxy, call, auth };
}

async function sitesIn(s: TestServer): Promise<Set<string>> {
  const rows = await s.db.owner.rows<{ name: string }>('select name from sites');
  return new Set(rows.map((r) => r.name));
}

describe('database outages', { tags: ['postgres'], timeout: 90_000 }, () => {
  it('unreachable: 503 with Retry-After and a clear message; back by itself once it returns', async () => {
    const { s, proxy, call, auth } = await setUp();
    try {
      expect((await call('site.create', { name: 'Before' })).status).toBe(200);
      await proxy.cut();
      // better-auth's endpoints too: a sign-in or a session check is 503, not 500.
      for (const response of [
        await auth('/get-session'),
        await auth('/sign-in/email', { email: 'olive@example.test', password: 'a long password' }),
      ]) {
        expect(response.status, await response.clone().text()).toBe(503);
        expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
        expect(((await response.json()) as { message: string }).message).toMatch(/briefly unavailable/);
      }
      for (const response of [
        await call('site.list', {}, 'GET'),
        await call('site.create', { name: 'During' }),
      ]) {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
        const body = (await response.json()) as {
          error: { json: { message: string; data: { appCode: string } } };
        };
        expect(body.error.json.data.appCode).toBe('DATABASE_UNAVAILABLE');
        expect(body.error.json.message).toMatch(/briefly unavailable/);
      }
      await proxy.restore();
      // The pool drops its dead connections as it meets them; no restart.
      await expect
        .poll(async () => (await call('site.list', {}, 'GET')).status, { timeout: 15_000, interval: 250 })
        .toBe(200);
      expect((await call('site.create', { name: 'After' })).status).toBe(200);
      const names = await sitesIn(s);
      expect(names.has('Before') && names.has('After')).toBe(true);
      expect(names.has('During')).toBe(false);
    } finally {
      await s.close();
      await proxy.close();
    }
  });

  it('connections terminated mid-load: every answer is 200 or 503, and every 200 is stored', async () => {
    const { s, proxy, call } = await setUp();
    try {
      const names = Array.from({ length: 40 }, (_, i) => `Load ${i}`);
      const pending = names.map(async (name, i) => {
        // Spread over the window in which the backends are killed.
        await new Promise((resolve) => setTimeout(resolve, i * 5));
        return { name, status: (await call('site.create', { name })).status };
      });
      await new Promise((resolve) => setTimeout(resolve, 60));
      const [killed] = await s.db.owner.rows<{ n: number }>(`
        select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
         where datname = current_database() and application_name in ('tenantry_app', 'tenantry_auth')`);
      expect(killed?.n).toBeGreaterThan(0);
      const results = await Promise.all(pending);
      expect(results.filter((r) => r.status !== 200 && r.status !== 503)).toEqual([]);
      const stored = await sitesIn(s);
      const acknowledged = results.filter((r) => r.status === 200).map((r) => r.name);
      expect(acknowledged.filter((name) => !stored.has(name))).toEqual([]);
      await expect
        .poll(async () => (await call('site.list', {}, 'GET')).status, { timeout: 15_000, interval: 250 })
        .toBe(200);
    } finally {
      await s.close();
      await proxy.close();
    }
  });
});
