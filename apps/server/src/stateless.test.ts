// Two server processes on one PostgreSQL behave as one: a session made
// through one works on the other, and a deactivation made through one holds
// on the other at the next request.
import type { AppRouter } from '@tenantry/api';
import { createTestDatabase } from '@tenantry/db/testing';
import type { TestDatabase } from '@tenantry/db/testing';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { spawnServer } from './testing/spawn-server.ts';
import type { SpawnedServer } from './testing/spawn-server.ts';
import { withCode } from './testing/trpc-error.ts';

const client = (url: string, token: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url}/trpc`,
        transformer: superjson,
        headers: { authorization: `Bearer ${token}` },
      }),
    ],
  });
const anonymous = (url: string) =>
  createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${url}/trpc`, transformer: superjson })] });

describe('two server processes on one PostgreSQL', { tags: ['postgres'] }, () => {
  let db: TestDatabase;
  let one: SpawnedServer;
  let two: SpawnedServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    [one, two] = await Promise.all([
      spawnServer({ DATABASE_URL: db.url ?? '' }),
      spawnServer({ DATABASE_URL: db.url ?? '' }),
    ]);
  });
  afterAll(async () => {
    for (const s of [one, two]) s.child.kill('SIGTERM');
    await Promise.all([one.exited, two.exited]);
    await db.close();
  });

  it('share sessions and enforce a deactivation made on the other', async () => {
    const registered = await anonymous(one.url).organization.register.mutate({
      organizationName: 'Twin Co',
      name: 'Tess',
      email: 'tess@example.test',
      password: 'a long password',
    });
    const ownerOnTwo = client(two.url, registered.token);
    expect((await ownerOnTwo.organization.current.query()).organization.name).toBe('Twin Co');

    const { token: invitation } = await ownerOnTwo.invitation.create.mutate({ email: 'mo@example.test' });
    const accepted = await anonymous(one.url).invitation.accept.mutate({
      token: invitation,
      email: 'mo@example.test',
      name: 'Mo',
      password: 'a long password',
    });
    const memberOnOne = client(one.url, accepted.token);
    expect((await memberOnOne.site.list.query({})).items).toEqual([]);

    await ownerOnTwo.member.deactivate.mutate({ userId: accepted.user.id });
    await expect(memberOnOne.site.list.query({})).rejects.toSatisfy(withCode('UNAUTHORIZED'));
  });
});

describe('rate limits across server processes', { tags: ['postgres'] }, () => {
  let db: TestDatabase;
  let servers: SpawnedServer[];

  beforeAll(async () => {
    db = await createTestDatabase();
    servers = await Promise.all(
      [1, 2].map(() => spawnServer({ DATABASE_URL: db.url ?? '', RATE_LIMIT_PER_MINUTE: '10' })),
    );
  });
  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    await db.close();
  });

  it('share one counter: ten calls spread over both, and the eleventh is refused by either', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const server = servers[i % 2];
      statuses.push((await fetch(`${server?.url ?? ''}/trpc/organization.current`)).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
