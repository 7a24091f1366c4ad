// SIGTERM while a request is in flight: the request finishes, then the
// process closes the database and exits 0. Each step waits for the server to
// say it got there, not for a length of time.
import { request } from 'node:http';

import { describe, expect, it } from 'vitest';

import { spawnServer } from './testing/spawn-server.ts';

describe('graceful shutdown', { timeout: 90_000 }, () => {
  it('lets an in-flight request finish, refuses new ones, and exits 0', async () => {
    // At debug, the server logs each request as it arrives.
    const server = await spawnServer({ LOG_LEVEL: 'debug' });
    const body = JSON.stringify({
      json: {
        organizationName: 'Late Co',
        name: 'Late',
        email: 'late@example.test',
        password: 'long enough pw',
      },
    });
    let req: ReturnType<typeof request> | undefined;
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req = request(
        `${server.url}/trpc/organization.register`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, text });
          });
        },
      );
      req.on('error', reject);
      // Half the body now; the rest once the server is shutting down.
      req.write(body.slice(0, 20));
    });
    await server.waitFor(/incoming request[\s\S]*organization\.register/, 'receive the request');
    server.child.kill('SIGTERM');
    await server.waitFor(/shutting down/, 'begin shutting down');
    req?.end(body.slice(20));
    const { status, text } = await response;
    expect(status, text).toBe(200);
    expect(text).toContain('Late Co');
    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
