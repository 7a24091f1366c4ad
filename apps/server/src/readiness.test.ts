// /readyz: false while the database is unreachable or behind on migrations,
// true again once it is back.
import { createDb } from '@tenantry/db';
import { migrate, rollback } from '@tenantry/db/tooling';
import { createTestDatabase, startTcpProxy } from '@tenantry/db/testing';
import { describe, expect, it } from 'vitest';

import { loadEnv } from './env.ts';
import { buildServer } from './server.ts';
import { startTestServer, TEST_SECRET } from './testing/test-server.ts';

const ready = async (url: string) => (await fetch(`${url}/readyz`)).status;

describe('/readyz', () => {
  it('is false while a migration is pending, true once it is applied', async () => {
    const s = await startTestServer();
    try {
      expect(await ready(s.url)).toBe(200);
      await rollback(s.db.owner);
      expect(await ready(s.url)).toBe(503);
      await migrate(s.db.owner);
      expect(await ready(s.url)).toBe(200);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  // A TCP proxy in front of PostgreSQL stands in for the network: cutting it
  // makes the database unreachable without touching the shared server.
  it('is false while PostgreSQL is unreachable, true when it returns', { tags: ['postgres'] }, async () => {
    const db = await createTestDatabase();
    const proxy = await startTcpProxy(db.url ?? '');
    const app = await createDb({
      kind: 'postgres',
      url: proxy.url,
      pool: { max: 2, acquireTimeoutMs: 1_000 },
    });
    const { app: server } = await buildServer({
      env: loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0' }),
      db: app,
      authSecret: TEST_SECRET,
    });
    const url = await server.listen({ host: '127.0.0.1', port: 0 });
    try {
      expect(await ready(url)).toBe(200);
      await proxy.cut();
      expect(await ready(url)).toBe(503);
      await proxy.restore();
      // The pool reconnects on its next use; a few probes may still see the dead one.
      await expect
        .poll(() => ready(url), {
          timeout: 10_000,
          interval: 250,
          message: '/readyz once PostgreSQL is back',
        })
        .toBe(200);
    } finally {
      await server.close();
      await app.close();
      await proxy.close();
      await db.close();
    }
  });
});
