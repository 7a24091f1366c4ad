// buildServer(): the Fastify app, ready to listen (main.ts listens). Tests
// build it with their own database and call it over real HTTP.
import { randomUUID } from 'node:crypto';

import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import { createAuth } from '@tenantry/api';
import type { Auth } from '@tenantry/api';
import { checkReadiness } from '@tenantry/db';
import type { Database } from '@tenantry/db';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';

import type { ServerEnv } from './env.ts';
import { createRateLimits } from './rate-limit.ts';
import { RequestLog } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { trpcRoutes } from './routes/trpc.ts';
import { webRoutes } from './routes/web.ts';

export const BODY_LIMIT = 1024 * 1024;

export interface ServerOptions {
  env: ServerEnv;
  db: Database;
  authSecret: string;
  /** Where logs go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
  /** Serve apps/web's build (default: only in production). Browser tests turn it on. */
  serveWeb?: boolean;
}

export interface Server {
  app: FastifyInstance;
  auth: Auth;
}

export async function buildServer({
  env,
  db,
  authSecret,
  logStream,
  serveWeb,
}: ServerOptions): Promise<Server> {
  const production = env.NODE_ENV === 'production';
  const app = Fastify({
    logger: {
      level: env.LOG_LEVEL,
      // Credentials never reach the logs.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      ...(logStream
        ? { stream: logStream }
        : production
          ? // Buffered and written asynchronously, off the request's path; flushed on exit.
            { stream: pino.destination({ sync: false }) }
          : { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } }),
    },
    // One line per request instead of two (request-log.ts).
    logController: new RequestLog(),
    genReqId: () => randomUUID(),
    bodyLimit: BODY_LIMIT,
    // Let in-flight requests finish on close, but drop idle keep-alive sockets.
    forceCloseConnections: 'idle',
  });

  // Unexpected errors reach clients as a generic body; the log keeps the detail.
  app.setErrorHandler((error: Error & { statusCode?: number }, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err: error }, 'request failed');
      return reply.code(status).send({ error: 'Internal server error' });
    }
    return reply.code(status).send({ error: error.message });
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Chart libraries set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(fastifyCors, { origin: env.TRUSTED_ORIGINS, credentials: true });
  securityHeaders(app);
  // In memory, or in Redis shared by every instance when REDIS_URL is set.
  const rateLimits = await createRateLimits(env.REDIS_URL, app.log);
  app.addHook('onClose', () => rateLimits.close());

  const auth = createAuth({
    db: db.auth,
    secret: authSecret,
    baseURL: env.PUBLIC_URL,
    trustedOrigins: env.TRUSTED_ORIGINS,
    secureCookies: production,
    log: (level, message) => {
      app.log[level]({ source: 'better-auth' }, message);
    },
  });
  const limitCalls = rateLimits.limiter('calls', env.RATE_LIMIT_PER_MINUTE);
  const limitSignIn = rateLimits.limiter('sign-in', env.AUTH_RATE_LIMIT_PER_MINUTE);

  healthRoutes(app, db.prisma);
  authRoutes(app, {
    auth,
    authDb: db.auth,
    publicUrl: env.PUBLIC_URL,
    limitSignIn,
    databaseAnswers: async () => (await checkReadiness(db.prisma, 1_000)).ready,
  });
  await trpcRoutes(app, {
    db: db.prisma,
    auth,
    trustedOrigins: env.TRUSTED_ORIGINS,
    limitCalls,
    limitSignIn,
  });
  if (serveWeb ?? production) await webRoutes(app, env.WEB_DIST);

  return { app, auth };
}
