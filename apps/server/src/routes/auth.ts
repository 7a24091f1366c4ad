// better-auth at /api/auth/*: sign-in, sign-out, session. Sign-in and sign-up
// share the stricter rate limit with organization.register.
import type { Auth } from '@tenantry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { toFetchHeaders } from '../http.ts';
import type { Limiter } from '../rate-limit.ts';

interface Options {
  auth: Auth;
  publicUrl: string;
  limitSignIn: Limiter;
}

const SIGN_IN = /^\/api\/auth\/sign-(in|up)\//;

export function authRoutes(app: FastifyInstance, { auth, publicUrl, limitSignIn }: Options): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    handler: async (req: FastifyRequest, reply) => {
      const verdict = SIGN_IN.test(req.url) ? await limitSignIn(req.ip) : undefined;
      if (verdict && !verdict.allowed) {
        return reply
          .code(429)
          .header('retry-after', String(verdict.retryAfterSeconds))
          .send({ error: 'Too many sign-in attempts. Try again in a minute.' });
      }
      // Built on the configured public URL, never on the Host header.
      const url = new URL(req.url, publicUrl);
      const request = new Request(url, {
        method: req.method,
        headers: toFetchHeaders(req.headers),
        ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
      });
      const response = await auth.handler(request);
      reply.code(response.status);
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') void reply.header(name, value);
      });
      // Sessions and tokens: never stored by a browser or a proxy.
      void reply.header('cache-control', 'no-store');
      const cookies = response.headers.getSetCookie();
      if (cookies.length) void reply.header('set-cookie', cookies);
      return reply.send(response.body ? await response.text() : null);
    },
  });
}
