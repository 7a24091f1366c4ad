// One tRPC call as a request over HTTP would make it: tRPC's fetch adapter,
// the app router and the real createContext (credentials read from headers),
// with superjson on the wire. Queries are GETs, mutations POSTs.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';

import { createContext } from '../context.ts';
import { appRouter } from '../root.ts';
import type { Harness } from './harness.ts';
import { isMutation } from './harness.ts';

export function callOverHttp(
  h: Pick<Harness, 'prisma' | 'auth'>,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return callOverHttpRaw(h, path, JSON.stringify(superjson.serialize(input)), headers);
}

/** The same with the request's JSON body (or GET input) as it is, e.g. malformed on purpose. */
export async function callOverHttpRaw(
  h: Pick<Harness, 'prisma' | 'auth'>,
  path: string,
  encoded: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const mutation = isMutation(path);
  const url = `http://localhost/trpc/${path}${mutation ? '' : `?input=${encodeURIComponent(encoded)}`}`;
  const req = new Request(url, {
    method: mutation ? 'POST' : 'GET',
    headers: { ...(mutation ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(mutation ? { body: encoded } : {}),
  });
  return fetchRequestHandler({
    endpoint: '/trpc',
    router: appRouter,
    req,
    createContext: ({ req: request, resHeaders }) =>
      createContext({ db: h.prisma, auth: h.auth, headers: request.headers, resHeaders }),
  });
}
