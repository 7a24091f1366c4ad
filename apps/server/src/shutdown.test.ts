// SIGTERM while a request is in flight: the request finishes, then the
// process closes the database and exits 0.
import { request } from 'node:http';

import { describe, expect, it } from 'vitest';

import { spawnServer } from './testing/spawn-server.ts';

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, refuses new ones, and exits 0', async () => {
    const server = await spawnServer({});
    const body = JSON.stringify({
      json: {
        organizationName: 'Late Co',
        name: 'Late',
        email: 'late@example.test',
        password: 'long enough pw',
      },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
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
      // Half the body now; the rest after SIGTERM.
      req.write(body.slice(0, 20));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(20)), 500);
      }, 200);
    });
    const { status, text } = await response;
    expect(status, text).toBe(200);
    expect(text).toContain('Late Co');
    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
