// Two server processes behave as one: on one PostgreSQL, a session made
// through one works on the other, and a deactivation made through one holds
// on the other at the next request; on one Redis, they share rate limits.
import type { AppRouter } from '@tenantry/api';
import { createTestDatabase } from '@tenantry/db/testing';
import type { TestDatabase } from '@tenantry/db/testing';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cookieFetch } from './testing/cookie-fetch.ts';
import type { CookieFetch } from './testing/cookie-fetch.ts';
import { isolatedRedisUrl } from './testing/redis.ts';
import { spawnServer } from './testing/spawn-server.ts';
import type { SpawnedServer } from './testing/spawn-server.ts';
import { withCode } from './testing/trpc-error.ts';

const ORIGIN = 'http://localhost:5173';

/** A client on `url` that keeps its cookies in `browser` (one browser may talk to both servers). */
const client = (url: string, browser: CookieFetch = cookieFetch(ORIGIN)) =>
  createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${url}/trpc`, transformer: superjson, fetch: browser.fetch })],
  });

describe('two server processes on one PostgreSQL', { tags: ['postgres'] }, () => {
  let db: TestDatabase;
  let one: SpawnedServer;
  let two: SpawnedServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    [one, two] = await Promise.all([
      spawnServer({ DATABASE_URL: db.url ?? '', TRUSTED_ORIGINS: ORIGIN }),
      spawnServer({ DATABASE_URL: db.url ?? '', TRUSTED_ORIGINS: ORIGIN }),
    ]);
  });
  afterAll(async () => {
    for (const s of [one, two]) s.child.kill('SIGTERM');
    await Promise.all([one.exited, two.exited]);
    await db.close();
  });

  it('share sessions and enforce a deactivation made on the other', async () => {
    const owner = cookieFetch(ORIGIN);
    await client(one.url, owner).organization.register.mutate({
      organizationName: 'Twin Co',
      name: 'Tess',
      email: 'tess@example.test',
      password: 'a long password',
    });
    const ownerOnTwo = client(two.url, owner);
    expect((await ownerOnTwo.organization.current.query()).organization.name).toBe('Twin Co');

    const { token: invitation } = await ownerOnTwo.invitation.create.mutate({ email: 'mo@example.test' });
    const member = cookieFetch(ORIGIN);
    const accepted = await client(one.url, member).invitation.accept.mutate({
      token: invitation,
      email: 'mo@example.test',
      name: 'Mo',
      password: 'a long password',
    });
    const memberOnOne = client(one.url, member);
    expect((await memberOnOne.site.list.query({})).items).toEqual([]);

    await ownerOnTwo.member.deactivate.mutate({ userId: accepted.user.id });
    await expect(memberOnOne.site.list.query({})).rejects.toSatisfy(withCode('UNAUTHORIZED'));
  });
});

// Each server opens its own PGlite copy: the counters are in Redis, not in the database.
describe('rate limits across server processes, in Redis', { tags: ['redis'] }, () => {
  let servers: SpawnedServer[];

  beforeAll(async () => {
    const redisUrl = isolatedRedisUrl();
    servers = await Promise.all(
      [1, 2].map(() => spawnServer({ REDIS_URL: redisUrl, RATE_LIMIT_PER_MINUTE: '10' })),
    );
  });
  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
  });

  it('share one counter: ten calls spread over both, and the eleventh is refused by either', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const server = servers[i % 2];
      statuses.push((await fetch(`${server?.url ?? ''}/trpc/organization.current`)).status);
    }
    // Whatever the calls answer (401 here: no session), only the eleventh is limited.
    expect(statuses.map((status) => status === 429)).toEqual([...Array<boolean>(10).fill(false), true]);
  });

  it('a batch spends one point per call, on whichever server receives it', async () => {
    // The first test spent all ten; a batch of two is refused by the other server too.
    const input = encodeURIComponent(JSON.stringify({ 0: { json: {} }, 1: { json: {} } }));
    const response = await fetch(`${servers[1]?.url ?? ''}/trpc/site.list,site.list?batch=1&input=${input}`);
    expect(response.status).toBe(429);
  });
});
