// A real server on an ephemeral 127.0.0.1 port, on a throwaway database.
import { createTestDatabase } from '@tenantry/db/testing';
import type { TestDatabase } from '@tenantry/db/testing';

import { loadEnv } from '../env.ts';
import { buildServer } from '../server.ts';
import type { Server } from '../server.ts';

export const TEST_SECRET = 'a-test-secret-of-at-least-thirty-two-chars';

export interface TestServer {
  url: string;
  /** Every log line the server wrote, as JSON text. */
  logs: string[];
  db: TestDatabase;
  server: Server;
  close(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const app = await db.openApp();
  const serverEnv = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: '0', ...env });
  const logs: string[] = [];
  const server = await buildServer({
    env: serverEnv,
    db: app,
    authSecret: TEST_SECRET,
    logStream: { write: (line) => logs.push(line) },
  });
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
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
