// Response headers that keep one user's answers out of caches and turn off
// browser features nobody uses: on tRPC, on better-auth, on the health check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

const ORIGIN = 'http://localhost:5173';
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('security headers', () => {
  it('tRPC answers are no-store and vary by Origin', async () => {
    const response = await fetch(`${s.url}/trpc/site.list?input=${encodeURIComponent('{"json":{}}')}`, {
      headers: { origin: ORIGIN },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('vary')).toMatch(/\bOrigin\b/i);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it("better-auth's answers are no-store, a failed sign-in included", async () => {
    const session = await fetch(`${s.url}/api/auth/get-session`, { headers: { origin: ORIGIN } });
    expect(session.headers.get('cache-control')).toBe('no-store');
    const signIn = await fetch(`${s.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password' }),
    });
    expect(signIn.status).toBe(401);
    expect(signIn.headers.get('cache-control')).toBe('no-store');
  });

  it('every response carries a Permissions-Policy that turns off camera, microphone and location', async () => {
    const response = await fetch(`${s.url}/healthz`);
    const policy = response.headers.get('permissions-policy') ?? '';
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) {
      expect(policy).toContain(feature);
    }
  });
});
