// The request log (RequestLog): one line per request at info, with method, path, status
// and time, and neither the query string (tRPC inputs) nor credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

interface Line {
  level: number;
  msg: string;
  method?: string;
  path?: string;
  status?: number;
  ms?: number;
}

const lines = () => s.logs.map((l) => JSON.parse(l) as Line);

describe('request log', () => {
  it('writes one info line per request, after the response, without the query string', async () => {
    const before = s.logs.length;
    const input = encodeURIComponent(JSON.stringify({ json: { search: 'secret search' } }));
    const response = await fetch(`${s.url}/trpc/site.list?input=${input}`, {
      headers: { cookie: 'better-auth.session_token=abc.def' },
    });
    expect(response.status).toBe(401);
    await fetch(`${s.url}/healthz`);
    const written = lines().slice(before);
    expect(written.map((l) => [l.msg, l.method, l.path, l.status])).toEqual([
      ['request', 'GET', '/trpc/site.list', 401],
      ['request', 'GET', '/healthz', 200],
    ]);
    expect(written.every((l) => l.level === 30 && typeof l.ms === 'number')).toBe(true);
    expect(s.logs.slice(before).join('\n')).not.toMatch(/secret search|abc\.def/);
  });
});
