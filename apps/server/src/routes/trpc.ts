// tRPC at /trpc. Before a request reaches it: every call in a batch spends one
// point of the rate limit, a batch in one operation (sign-up and invitation
// acceptance also spend the stricter sign-in limit), and a cookie-authenticated mutation must come from
// a trusted origin. tRPC itself rejects non-JSON bodies and oversized batches.
import { appRouter, createContext } from '@tenantry/api';
import type { Auth } from '@tenantry/api';
import type { Db } from '@tenantry/db';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { toFetchHeaders } from '../http.ts';
import type { Limiter } from '../rate-limit.ts';

export const MAX_BATCH_SIZE = 10;
/** What a 503 tells the client to wait before trying again. */
export const RETRY_AFTER_SECONDS = 2;
const SIGN_UP_CALLS = new Set(['organization.register', 'invitation.accept']);

interface Options {
  db: Db;
  auth: Auth;
  trustedOrigins: string[];
  limitCalls: Limiter;
  limitSignIn: Limiter;
}

/** The procedure paths of a tRPC request: `/trpc/a.b,c.d?batch=1` → [a.b, c.d]. */
export function callsOf(url: string): string[] {
  const path = url.split('?')[0]?.replace(/^\/trpc\/?/, '') ?? '';
  return decodeURIComponent(path).split(',').filter(Boolean);
}

function isForeignOrigin(req: FastifyRequest, trusted: string[]): boolean {
  const origin = req.headers.origin;
  if (origin) return !trusted.includes(origin);
  // No Origin: not a browser's cross-site request, unless fetch metadata says so.
  return req.headers['sec-fetch-site'] === 'cross-site';
}

const resHeadersOf = new WeakMap<FastifyRequest, Headers>();

export async function trpcRoutes(app: FastifyInstance, options: Options): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      const calls = callsOf(req.url);
      const signUps = calls.filter((call) => SIGN_UP_CALLS.has(call)).length;
      // One operation per limit, however large the batch: N calls spend N points at once.
      let verdict = calls.length ? await options.limitCalls(req.ip, calls.length) : undefined;
      if (signUps && verdict?.allowed) verdict = await options.limitSignIn(req.ip, signUps);
      if (verdict && !verdict.allowed) {
        return reply
          .code(429)
          .header('retry-after', String(verdict.retryAfterSeconds))
          .send({ error: 'Too many requests. Try again in a minute.' });
      }
      const usesCookie = Boolean(req.headers.cookie) && !req.headers.authorization;
      if (req.method === 'POST' && usesCookie && isForeignOrigin(req, options.trustedOrigins)) {
        return reply.code(403).send({ error: 'Cross-site request refused.' });
      }
    });
    // Cookies a procedure set (sign-up, invitation acceptance) go onto the response.
    scope.addHook('onSend', async (req, reply) => {
      const cookies = resHeadersOf.get(req)?.getSetCookie() ?? [];
      if (cookies.length) void reply.header('set-cookie', cookies);
    });
    await scope.register(fastifyTRPCPlugin, {
      prefix: '/trpc',
      trpcOptions: {
        router: appRouter,
        maxBatchSize: MAX_BATCH_SIZE,
        createContext: ({ req }: { req: FastifyRequest }) => {
          const resHeaders = new Headers();
          resHeadersOf.set(req, resHeaders);
          return createContext({
            db: options.db,
            auth: options.auth,
            headers: toFetchHeaders(req.headers),
            resHeaders,
          });
        },
        // Every answer is one user's data: never stored by a browser or a proxy. A database
        // that is briefly out of reach is a 503 the client may retry after a moment.
        responseMeta: ({ errors }: { errors: { code: string }[] }) => ({
          headers: {
            'cache-control': 'no-store',
            // The CORS headers follow the request's Origin (tRPC writes its own Vary, so it goes here).
            vary: 'trpc-accept, accept, origin',
            ...(errors.some((e) => e.code === 'SERVICE_UNAVAILABLE')
              ? { 'retry-after': String(RETRY_AFTER_SECONDS) }
              : {}),
          },
        }),
        onError: ({ error, path, req }: { error: { code: string }; path?: string; req: FastifyRequest }) => {
          // Only the unexpected is worth a log line; the rest are answers.
          if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error, path }, 'tRPC call failed');
          if (error.code === 'SERVICE_UNAVAILABLE')
            req.log.warn({ err: error, path }, 'database unavailable');
        },
      },
    });
  });
}
