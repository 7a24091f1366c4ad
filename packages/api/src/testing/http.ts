// A raw tRPC request body sent over HTTP to the real router and context, for
// tests of what arrives before parsing (text, fuzz). The parsed JSON answer and
// its status come back.
import type { Harness } from './harness.ts';
import { callOverHttpRaw } from './over-http.ts';

export async function trpcHttp(
  h: Pick<Harness, 'prisma' | 'auth'>,
  path: string,
  body: string,
  options: { token?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const response = await callOverHttpRaw(h, path, body, {
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  });
  return { status: response.status, body: await response.json() };
}
