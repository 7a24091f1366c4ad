// /readyz: false while the database is unreachable or behind on migrations,
// true again once it is back.
import { createServer, Socket } from 'node:net';
import type { Server as NetServer } from 'node:net';

import { createDb } from '@tenantry/db';
import { migrate, rollback } from '@tenantry/db/tooling';
import { createTestDatabase } from '@tenantry/db/testing';
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

  // A TCP proxy in front of PostgreSQL stands in for the network: closing it
  // makes the database unreachable without touching the shared server.
  it('is false while PostgreSQL is unreachable, true when it returns', { tags: ['postgres'] }, async () => {
    const db = await createTestDatabase();
    const target = new URL(db.url ?? '');
    const sockets = new Set<Socket>();
    const listen = (port: number) =>
      new Promise<NetServer>((resolve) => {
        const proxy = createServer((client) => {
          const upstream = new Socket();
          upstream.connect(Number(target.port || 5432), target.hostname);
          client.pipe(upstream).pipe(client);
          for (const s of [client, upstream]) {
            sockets.add(s);
            s.on('error', () => s.destroy());
            s.on('close', () => sockets.delete(s));
          }
        });
        proxy.listen(port, '127.0.0.1', () => {
          resolve(proxy);
        });
      });
    let proxy = await listen(0);
    const port = (proxy.address() as { port: number }).port;
    const proxied = new URL(target);
    proxied.port = String(port);
    const app = await createDb({
      kind: 'postgres',
      url: proxied.toString(),
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
      const closed = new Promise<void>((resolve) =>
        proxy.close(() => {
          resolve();
        }),
      );
      for (const s of sockets) s.destroy();
      await closed;
      expect(await ready(url)).toBe(503);
      proxy = await listen(port);
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
      const closed = new Promise<void>((resolve) =>
        proxy.close(() => {
          resolve();
        }),
      );
      for (const s of sockets) s.destroy();
      await closed;
      await db.close();
    }
  });
});
