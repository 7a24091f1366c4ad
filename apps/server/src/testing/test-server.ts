// A real server on 127.0.0.1 (an ephemeral port unless env.PORT names one), on a
// throwaway database. Other packages' tests reach the server only through here.
import { createTestDatabase } from '@tenantry/db/testing';
import type { TestDatabase, Through } from '@tenantry/db/testing';
import type { PoolOptions } from '@tenantry/db';

import { loadEnv } from '../env.ts';
import { buildServer } from '../server.ts';
import type { Server } from '../server.ts';

export { cookieFetch } from './cookie-fetch.ts';
export type { CookieFetch } from './cookie-fetch.ts';
// The proxy that stands in for the network, so a browser test can cut the way to this server.
export { startTcpProxy } from '@tenantry/db/testing';
export type { TcpProxy } from '@tenantry/db/testing';

export const TEST_SECRET = 'a-test-secret-of-at-least-thirty-two-chars';

export interface TestServer {
  url: string;
  /** Every log line the server wrote, as JSON text. */
  logs: string[];
  db: TestDatabase;
  server: Server;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Serve apps/web's build (env.WEB_DIST); by default only in production, as buildServer does. */
  serveWeb?: boolean;
  /** PostgreSQL only: connect the server through another URL to its database, e.g. a proxy's. */
  through?: (databaseUrl: string) => Through | Promise<Through>;
  /** The server's pool (PostgreSQL). */
  pool?: PoolOptions;
}

export async function startTestServer(
  env: Record<string, string> = {},
  { serveWeb, through, pool }: TestServerOptions = {},
): Promise<TestServer> {
  const db = await createTestDatabase();
  const app = await db.openApp(pool, through && db.url ? await through(db.url) : undefined);
  const serverEnv = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: '0', ...env });
  const logs: string[] = [];
  const server = await buildServer({
    env: serverEnv,
    db: app,
    authSecret: TEST_SECRET,
    serveWeb,
    logStream: { write: (line) => logs.push(line) },
  });
  const url = await server.app.listen({ host: '127.0.0.1', port: serverEnv.PORT });
  return {
    url,
    logs,
    db,
    server,
    close: async () => {
      await server.app.close();
      await db.close();
    },
  };
}
