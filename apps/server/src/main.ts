// Starts the server: open the database (PGlite migrates itself), seed the demo
// tenant in development, listen, and shut down cleanly on SIGTERM / SIGINT.
import { fileURLToPath } from 'node:url';

import { configFromEnv, createDb, readDbEnv } from '@tenantry/db';

import { loadEnv } from './env.ts';
import type { ServerEnv } from './env.ts';
import { devAuthSecret } from './secret.ts';
import { buildServer } from './server.ts';

/** How long in-flight requests get to finish after SIGTERM. */
const SHUTDOWN_DEADLINE_MS = 10_000;
const DEV_SECRET = fileURLToPath(new URL('../../../.data/auth-secret', import.meta.url));

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

async function main(env: ServerEnv): Promise<void> {
  const db = await createDb(
    configFromEnv(
      readDbEnv({
        DATABASE_URL: env.DATABASE_URL,
        DATABASE_APP_URL: env.DATABASE_APP_URL,
        DATABASE_AUTH_URL: env.DATABASE_AUTH_URL,
        PGLITE_DIR: env.PGLITE_DIR,
        DATABASE_ACQUIRE_TIMEOUT_MS: env.DATABASE_ACQUIRE_TIMEOUT_MS,
        DATABASE_STATEMENT_TIMEOUT_MS: env.DATABASE_STATEMENT_TIMEOUT_MS,
      }),
    ),
  );
  const development = env.NODE_ENV === 'development';
  // The seed is tooling: production never loads it.
  const demo = development ? await import('@tenantry/db/tooling') : null;
  if (demo && (await demo.seed(db.prisma)) === 'created') console.log('seeded the demo tenant');
  const authSecret = env.AUTH_SECRET ?? (await devAuthSecret(DEV_SECRET));
  const { app } = await buildServer({ env, db, authSecret });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      app.log.error('in-flight requests did not finish in time');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // close() waits for in-flight requests; a socket that served one stays open
    // for keep-alive afterwards, so idle sockets are closed as they appear.
    const sweep = setInterval(() => {
      app.server.closeIdleConnections();
    }, 100);
    void app
      .close()
      .then(() => db.close())
      .then(() => {
        clearInterval(sweep);
        process.exit(0);
      });
  };
  process.on('SIGTERM', () => {
    shutdown('SIGTERM');
  });
  process.on('SIGINT', () => {
    shutdown('SIGINT');
  });

  const address = await app.listen({ host: env.HOST, port: env.PORT });
  console.log(
    `Tenantry API listening on ${address} (${db.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'})`,
  );
  if (demo) console.log(`demo sign-in: ${demo.DEMO.email} / ${demo.DEMO.password}`);
}

let env: ServerEnv;
try {
  env = loadEnv();
} catch (error) {
  fail((error as Error).message);
}
main(env).catch((error: unknown) =>
  fail(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)),
);
