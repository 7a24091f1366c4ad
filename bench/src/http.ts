// Just enough of tRPC's HTTP protocol (with the superjson transformer) and of
// better-auth's endpoints to set the bench up: register, sign in, call.
/** The Origin the servers trust (their PUBLIC_URL); browsers send it, so the bench does too. */
export const BENCH_ORIGIN = 'http://bench.test';

/** A GET path for a tRPC query; superjson wraps plain JSON as `{ json }`. */
export function trpcQueryPath(procedure: string, input?: unknown): string {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return `/trpc/${procedure}${query}`;
}

export interface Answer<T> {
  status: number;
  data: T;
  cookies: string[];
}

async function answer<T>(response: Response, what: string): Promise<Answer<T>> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { result?: { data?: { json?: T } } } & T;
  const data = body.result?.data ? (body.result.data.json as T) : body;
  return { status: response.status, data, cookies: response.headers.getSetCookie() };
}

export async function trpcMutation<T>(base: string, procedure: string, input: unknown, auth?: Headers) {
  const headers = new Headers(auth);
  headers.set('content-type', 'application/json');
  headers.set('origin', BENCH_ORIGIN);
  const response = await fetch(`${base}/trpc/${procedure}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ json: input }),
  });
  return answer<T>(response, procedure);
}

/** `name=value` pairs of Set-Cookie lines, as a Cookie header. */
function cookieHeader(setCookies: string[]): string {
  return setCookies
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => pair.includes('=') && !pair.endsWith('='))
    .join('; ');
}

/** Signs in with better-auth's email endpoint; returns the Cookie header of the new session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BENCH_ORIGIN },
    body: JSON.stringify({ email, password }),
  });
  const { cookies } = await answer<unknown>(response, `sign-in of ${email}`);
  const cookie = cookieHeader(cookies);
  if (!cookie) throw new Error(`sign-in of ${email} set no cookie`);
  return cookie;
}
