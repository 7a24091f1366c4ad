// better-auth at /api/auth/*, deny by default: only the endpoints the product
// uses are open, and every other path answers 404 before better-auth sees it
// (auth-surface.test.ts lists them). Sign-in shares the stricter rate limit
// with organization.register. A session token never leaves in a body: the
// session is the HttpOnly cookie alone.
import { APP_ERRORS } from '@tenantry/api';
import type { Auth } from '@tenantry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { toFetchHeaders } from '../http.ts';
import type { Limiter } from '../rate-limit.ts';
import { RETRY_AFTER_SECONDS } from './trpc.ts';

interface Options {
  auth: Auth;
  publicUrl: string;
  limitSignIn: Limiter;
  /** Whether the database answers now (readiness); asked only after better-auth failed. */
  databaseAnswers: () => Promise<boolean>;
}

export const AUTH_PREFIX = '/api/auth';

/** The product's auth endpoints (method and path under /api/auth); nothing else is served. */
export const OPEN_AUTH_ENDPOINTS: readonly string[] = [
  'POST /sign-in/email', // the sign-in page
  'POST /sign-out', // the dashboard's menu
  'GET /get-session', // a client's "am I signed in?"
];
const OPEN = new Set(OPEN_AUTH_ENDPOINTS);
const SIGN_IN = 'POST /sign-in/email';

/** `METHOD /path` of a request under the prefix, without its query string. */
function endpointOf(req: FastifyRequest): string {
  const path = req.url.slice(AUTH_PREFIX.length).split('?')[0] ?? '';
  return `${req.method} ${path}`;
}

/**
 * better-auth puts the session token in sign-in's body (`token`) and in
 * get-session's (`session.token`); the cookie already carries it, and page
 * script must never see it.
 */
function withoutTokens(text: string): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof body !== 'object' || body === null) return text;
  const record = body as Record<string, unknown>;
  delete record.token;
  if (typeof record.session === 'object' && record.session !== null) {
    delete (record.session as Record<string, unknown>).token;
  }
  return JSON.stringify(record);
}

export function authRoutes(
  app: FastifyInstance,
  { auth, publicUrl, limitSignIn, databaseAnswers }: Options,
): void {
  app.route({
    method: ['GET', 'POST'],
    url: `${AUTH_PREFIX}/*`,
    handler: async (req: FastifyRequest, reply) => {
      // Sessions and credentials: never stored by a browser or a proxy.
      void reply.header('cache-control', 'no-store');
      const endpoint = endpointOf(req);
      if (!OPEN.has(endpoint)) return reply.code(404).send({ error: 'Not found' });
      const verdict = endpoint === SIGN_IN ? await limitSignIn(req.ip) : undefined;
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
      // better-auth answers its own database errors with a 500 (FAILED_TO_GET_SESSION, say);
      // while the database is out of reach that is an outage to wait out, as on /trpc.
      if (response.status >= 500 && !(await databaseAnswers())) {
        return reply
          .code(503)
          .header('retry-after', String(RETRY_AFTER_SECONDS))
          .send({ code: 'DATABASE_UNAVAILABLE', message: APP_ERRORS.DATABASE_UNAVAILABLE.message });
      }
      reply.code(response.status);
      response.headers.forEach((value, name) => {
        // The body may shrink below (Fastify sets the length); cookies go as a list.
        if (name !== 'set-cookie' && name !== 'content-length') void reply.header(name, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) void reply.header('set-cookie', cookies);
      return reply.send(response.body ? withoutTokens(await response.text()) : null);
    },
  });
}
