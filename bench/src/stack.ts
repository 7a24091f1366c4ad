// Starting the servers under test: the production build (as `pnpm start` runs
// it) on PostgreSQL and on PGlite, and the bench's own plain, bare and peer
// servers. All listen on 127.0.0.1 on a free port.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { BENCH_ORIGIN } from './http.ts';
import { BENCH_SERVERS, SERVER_DIR, SERVER_MAIN } from './paths.ts';
import { spawnNode } from './spawn.ts';
import type { Running } from './spawn.ts';

export const AUTH_SECRET = 'bench-secret-of-at-least-32-characters!';
/** Never reached: the rate limit stays on (its cost is part of every call) but never refuses one. */
const UNREACHABLE_LIMIT = String(1_000_000_000);

export interface FullServerOptions {
  name: string;
  databaseUrl?: string;
  pgliteDir?: string;
  logLevel?: 'info' | 'warn';
  /** More node options, such as --cpu-prof. */
  nodeArgs?: string[];
}

export interface StackContext {
  childEnv: Record<string, string>;
  logDir: string;
}

/** The production server: `node --conditions=tenantry-dist --enable-source-maps dist/main.js`. */
export function startFull(ctx: StackContext, options: FullServerOptions): Promise<Running> {
  if (!existsSync(SERVER_MAIN)) throw new Error('apps/server/dist/main.js is missing: run pnpm build');
  return spawnNode({
    name: options.name,
    args: [...(options.nodeArgs ?? []), '--conditions=tenantry-dist', '--enable-source-maps', SERVER_MAIN],
    cwd: SERVER_DIR,
    logDir: ctx.logDir,
    env: {
      ...ctx.childEnv,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      AUTH_SECRET,
      PUBLIC_URL: BENCH_ORIGIN,
      // The production default, unless a case compares log levels.
      LOG_LEVEL: options.logLevel ?? 'info',
      RATE_LIMIT_PER_MINUTE: UNREACHABLE_LIMIT,
      AUTH_RATE_LIMIT_PER_MINUTE: UNREACHABLE_LIMIT,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...(options.pgliteDir ? { PGLITE_DIR: options.pgliteDir } : {}),
    },
  });
}

/**
 * One of bench/src/servers/*.ts, run by node like the product (tsx only
 * compiles it on load) and resolving workspace packages to their dist/ builds.
 */
export function startBenchServer(ctx: StackContext, name: string, settings: unknown): Promise<Running> {
  return spawnNode({
    name,
    args: [
      '--conditions=tenantry-dist',
      '--import',
      'tsx',
      join(BENCH_SERVERS, `${name}.ts`),
      JSON.stringify(settings),
    ],
    cwd: BENCH_SERVERS,
    logDir: ctx.logDir,
    env: { ...ctx.childEnv, NODE_ENV: 'production' },
  });
}
