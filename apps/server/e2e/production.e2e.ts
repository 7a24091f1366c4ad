// `pnpm build && pnpm start` on a new machine: plain node runs the compiled
// server (no tsx, no TypeScript: Node 20 cannot load a .ts file, so any source
// reached at start-up or on a request would fail it), creates and migrates a
// new PGlite database, serves the dashboard, and answers a tenant call.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { AppRouter } from '@tenantry/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cookieFetch } from '../src/testing/cookie-fetch.ts';
import { BUILT_NODE_ARGS, spawnServer } from '../src/testing/spawn-server.ts';
import type { SpawnedServer } from '../src/testing/spawn-server.ts';

const PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
};

/** Where people reach it (a proxy in front, say); requests carrying another Origin are refused. */
const PUBLIC_URL = 'http://tenantry.test';

let server: SpawnedServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tenantry-production-'));
  server = await spawnServer(
    {
      NODE_ENV: 'production',
      AUTH_SECRET: 'production-secret-of-at-least-32-chars',
      PUBLIC_URL,
      LOG_LEVEL: 'warn',
    },
    { built: true, pgliteDir: join(dataDir, 'pglite') },
  );
});
afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the production build', () => {
  it('is what `pnpm start` runs: plain node, no TypeScript loader', () => {
    const [conditions, sourceMaps, main] = BUILT_NODE_ARGS;
    expect(PACKAGE.scripts.start).toBe(
      `NODE_ENV=production node ${conditions ?? ''} ${sourceMaps ?? ''} dist/main.js`,
    );
    expect(main).toMatch(/apps\/server\/dist\/main\.js$/);
    expect(readFileSync(`/proc/${String(server.child.pid)}/cmdline`, 'utf8')).not.toMatch(/tsx/);
  });

  it('migrated its new database on open, and is ready', async () => {
    const ready = await fetch(`${server.url}/readyz`);
    expect(await ready.json()).toEqual({ ready: true });
  });

  it('serves the built dashboard', async () => {
    const page = await fetch(`${server.url}/sites`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
  });

  it('signs a company up and answers its tenant calls', async () => {
    const browser = cookieFetch(PUBLIC_URL);
    const client = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server.url}/trpc`, transformer: superjson, fetch: browser.fetch })],
    });
    await client.organization.register.mutate({
      organizationName: 'Built Ltd',
      name: 'Bea',
      email: 'bea@built.test',
      password: 'a long password',
    });
    const site = await client.site.create.mutate({ name: 'Plant one' });
    expect(site.createdAt).toBeInstanceOf(Date);
    const current = await client.organization.current.query();
    expect(current.organization.name).toBe('Built Ltd');
    expect((await client.site.list.query({})).items.map((s) => s.name)).toEqual(['Plant one']);
    expect((await client.audit.list.query({})).items.map((e) => e.action)).toContain('site.create');
  });

  it('logged no error', () => {
    expect(server.output()).not.toMatch(/"level":[56]0/);
  });
});
