// Raw requests over HTTP, in process, for tests that send what no typed
// client would (fuzz.test.ts, text-input.test.ts, auth-input.test.ts): tRPC
// through fetchRequestHandler with the real router and context, better-auth
// through its own handler. The body goes on the wire as given.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';

import { createContext } from '../context.ts';
import { appRouter } from '../root.ts';
import { credentialHeaders } from './credentials.ts';
import type { Harness } from './harness.ts';

const ORIGIN = 'http://localhost:3000';

export interface RawResult {
  status: number;
  body: unknown;
}

async function read(response: Response): Promise<RawResult> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: kept as text.
  }
  return { status: response.status, body };
}

/**
 * A tRPC request: `raw` is the wire body (superjson's { json, meta }) or, for
 * a query, the `input` search parameter. Mutations are POSTs, queries GETs. A
 * batch names its paths joined by commas and sends { "0": …, "1": … }.
 */
export async function rawTrpc(
  h: Pick<Harness, 'prisma' | 'auth'>,
  path: string,
  raw: string | undefined,
  options: { token?: string | null; query?: boolean; batch?: boolean } = {},
): Promise<RawResult> {
  const url = new URL(`${ORIGIN}/trpc/${path}`);
  if (options.batch) url.searchParams.set('batch', '1');
  if (options.query && raw !== undefined) url.searchParams.set('input', raw);
  const request = new Request(url, {
    method: options.query ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(await credentialHeaders(h.auth, options.token ?? null)),
    },
    ...(!options.query && raw !== undefined && { body: raw }),
  });
  const response = await fetchRequestHandler({
    endpoint: '/trpc',
    router: appRouter,
    req: request,
    createContext: ({ req, resHeaders }) =>
      createContext({ db: h.prisma, auth: h.auth, headers: req.headers, resHeaders }),
  });
  return read(response);
}

/** A POST to better-auth, e.g. rawAuth(h, '/update-user', { name: 'x' }, token). `body` is sent as JSON unless it is a string. */
export async function rawAuth(
  h: Pick<Harness, 'auth'>,
  path: string,
  body: unknown,
  token: string | null = null,
): Promise<RawResult> {
  const response = await h.auth.handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: ORIGIN,
        ...(await credentialHeaders(h.auth, token)),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  return read(response);
}
