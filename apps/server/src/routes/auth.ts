// better-auth at /api/auth/*, deny by default: only the endpoints the product
// uses are open, and every other path answers 404 before better-auth sees it
// (auth-surface.test.ts lists them). Sign-in shares the stricter rate limit
// with organization.register. A session token never leaves in a body: the
// session is the HttpOnly cookie alone. get-session is read here in one
// statement when better-auth would only read (packages/api's session-check.ts)
// and goes to better-auth's handler otherwise.
import { APP_ERRORS, checkSession } from '@tenantry/api';
import type { Auth, SessionView } from '@tenantry/api';
import type { AuthDb } from '@tenantry/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { toFetchHeaders } from '../http.ts';
import type { Limiter } from '../rate-limit.ts';
import { RETRY_AFTER_SECONDS } from './trpc.ts';

interface Options {
  auth: Auth;
  /** better-auth's database client, as the auth role: get-session's own read (checkSession). */
  authDb: AuthDb;
  publicUrl: string;
  limitSignIn: Limiter;
  /** Whether the database answers now (readiness); asked only after a session read or better-auth failed. */
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
const GET_SESSION = 'GET /get-session';

/** `METHOD /path` of a request under the prefix, and its query string (without the `?`). */
function endpointOf(req: FastifyRequest): { endpoint: string; query: string } {
  const [path = '', query = ''] = req.url.slice(AUTH_PREFIX.length).split('?', 2);
  return { endpoint: `${req.method} ${path}`, query };
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
  { auth, authDb, publicUrl, limitSignIn, databaseAnswers }: Options,
): void {
  /** While the database is out of reach, an auth call is an outage to wait out (503), as on /trpc. */
  const unavailable = (reply: FastifyReply) =>
    reply
      .code(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .send({ code: 'DATABASE_UNAVAILABLE', message: APP_ERRORS.DATABASE_UNAVAILABLE.message });

  /** get-session read by checkSession; undefined when better-auth's handler must answer. */
  const ownSessionCheck = async (req: FastifyRequest, query: string) => {
    try {
      return await checkSession(auth, authDb, { cookie: req.headers.cookie ?? '', query });
    } catch (error) {
      if (await databaseAnswers()) throw error;
      return 'unavailable' as const;
    }
  };
  const sendSession = (reply: FastifyReply, answer: SessionView | null) =>
    reply.headers({ pragma: 'no-cache', 'content-type': 'application/json' }).send(JSON.stringify(answer));

  app.route({
    method: ['GET', 'POST'],
    url: `${AUTH_PREFIX}/*`,
    handler: async (req: FastifyRequest, reply) => {
      // Sessions and credentials: never stored by a browser or a proxy.
      void reply.header('cache-control', 'no-store');
      const { endpoint, query } = endpointOf(req);
      if (!OPEN.has(endpoint)) return reply.code(404).send({ error: 'Not found' });
      if (endpoint === GET_SESSION) {
        const answer = await ownSessionCheck(req, query);
        if (answer === 'unavailable') return unavailable(reply);
        if (answer !== undefined) return sendSession(reply, answer);
      }
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
      // better-auth answers its own database errors with a 500 (FAILED_TO_GET_SESSION, say).
      if (response.status >= 500 && !(await databaseAnswers())) return unavailable(reply);
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
