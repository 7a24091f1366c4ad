// In production an unexpected error is a generic 500 with no stack. NODE_ENV
// is read when the API modules load, so it is set before they are imported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

process.env.NODE_ENV = 'production';
const { startTestServer } = await import('./testing/test-server.ts');

let s: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  s = await startTestServer({ NODE_ENV: 'production', AUTH_SECRET: 'p'.repeat(40) });
  await s.db.owner.exec(`
    create function explode() returns trigger language plpgsql as $$
    begin raise exception 'secret internals: relation xyz'; end $$;
    create trigger explode before insert on tenants for each row execute function explode();`);
});
afterAll(() => s.close());

describe('production errors', () => {
  it('an unexpected failure is a generic 500 without stack or cause', async () => {
    const response = await fetch(`${s.url}/trpc/organization.register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        json: { organizationName: 'Boom', name: 'B', email: 'boom@example.test', password: 'long enough pw' },
      }),
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain('Internal server error');
    expect(text).not.toMatch(/secret internals|"stack"|\.ts:\d+/);
  });

  it('session cookies are Secure and HttpOnly in production, and AUTH_SECRET is required', async () => {
    const { loadEnv } = await import('./env.ts');
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
    await s.db.owner.exec('drop trigger explode on tenants');
    const response = await fetch(`${s.url}/trpc/organization.register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        json: { organizationName: 'Safe', name: 'S', email: 'safe@example.test', password: 'long enough pw' },
      }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.includes('session_token='));
    expect(cookie).toMatch(/^__Secure-/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});
