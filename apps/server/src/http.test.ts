// HTTP hardening, tested over a real listening port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MAX_BATCH_SIZE } from './routes/trpc.ts';
import { BODY_LIMIT } from './server.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

let s: TestServer;
/** The owner's session cookie (`name=value`), as the registration set it. */
let cookie: string;

async function register(email: string): Promise<Response> {
  return fetch(`${s.url}/trpc/organization.register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      json: { organizationName: 'Hardened', name: 'Owner', email, password: 'long enough pw' },
    }),
  });
}

beforeAll(async () => {
  s = await startTestServer({ AUTH_RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_PER_MINUTE: '60' });
  const registered = await register('hardened@example.test');
  cookie = registered.headers.getSetCookie()[0]?.split(';')[0] ?? '';
});
afterAll(() => s.close());

const auth = () => ({ cookie, origin: 'http://localhost:5173' });

describe('HTTP hardening', () => {
  it('sends security headers, with a CSP for the single-page app', async () => {
    const response = await fetch(`${s.url}/healthz`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('answers CORS only for trusted origins', async () => {
    const trusted = await fetch(`${s.url}/healthz`, { headers: { origin: 'http://localhost:5173' } });
    expect(trusted.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const foreign = await fetch(`${s.url}/healthz`, { headers: { origin: 'https://evil.test' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('rejects a text/plain POST', async () => {
    const response = await fetch(`${s.url}/trpc/site.create`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...auth() },
      body: JSON.stringify({ json: { name: 'sneaky' } }),
    });
    expect(response.status).toBe(415);
  });

  it('rejects a cookie-carrying mutation from a foreign origin, and accepts it from a trusted one', async () => {
    const send = (origin: string) =>
      fetch(`${s.url}/trpc/site.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin },
        body: JSON.stringify({ json: { name: `from ${origin}` } }),
      });
    expect((await send('https://evil.test')).status).toBe(403);
    expect((await send('http://localhost:5173')).status).not.toBe(403);
  });

  it('answers an oversized body with 413', async () => {
    const response = await fetch(`${s.url}/trpc/site.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: JSON.stringify({ json: { name: 'x'.repeat(BODY_LIMIT) } }),
    });
    expect(response.status).toBe(413);
  });

  it('refuses a batch over the limit with a 4xx', async () => {
    const calls = Array.from({ length: MAX_BATCH_SIZE + 1 }, () => 'site.list').join(',');
    const input = encodeURIComponent(
      JSON.stringify(
        Object.fromEntries(Array.from({ length: MAX_BATCH_SIZE + 1 }, (_, i) => [i, { json: {} }])),
      ),
    );
    const response = await fetch(`${s.url}/trpc/${calls}?batch=1&input=${input}`, { headers: auth() });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('rate-limits sign-up per call, batching included, with 429', async () => {
    // Five allowed per minute in this server; one was spent in beforeAll.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await register(`burst${i}@example.test`)).status);
    expect(statuses.slice(0, 4).every((st) => st === 200)).toBe(true);
    expect(statuses[4]).toBe(429);
  });

  it('counts every call of a batch against the rate limit', async () => {
    const other = await startTestServer({ RATE_LIMIT_PER_MINUTE: '25' });
    try {
      const input = encodeURIComponent(
        JSON.stringify(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i, { json: {} }]))),
      );
      const url = `${other.url}/trpc/${Array.from({ length: 10 }, () => 'site.list').join(',')}?batch=1&input=${input}`;
      const responses: Response[] = [];
      // Three HTTP requests, thirty calls: the third batch crosses 25.
      for (let i = 0; i < 3; i += 1) responses.push(await fetch(url));
      expect(responses.map((r) => r.status === 429)).toEqual([false, false, true]);
      expect(Number(responses[2]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await other.close();
    }
  });

  it('an unknown route is a clean 404', async () => {
    const response = await fetch(`${s.url}/nope`);
    expect(response.status).toBe(404);
  });
});
