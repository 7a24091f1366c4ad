// tenantry_bind_actor, the one statement that opens a tenant call: it runs as
// better-auth's role so that the app role never reads a session token or a key
// hash, and it binds the transaction to the tenant it finds, or to none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from './client.ts';
import { insertTenant } from './testing/fixtures.ts';
import type { TenantRows } from './testing/fixtures.ts';
import { createTestDatabase } from './testing/test-db.ts';
import type { TestDatabase } from './testing/test-db.ts';

let db: TestDatabase;
let app: Database;
let a: TenantRows;
let b: TenantRows;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await insertTenant(db.owner, 'a');
  b = await insertTenant(db.owner, 'b');
  await db.owner.exec(`
    insert into sessions (id, token, user_id, expires_at, updated_at) values
      (gen_random_uuid(), 'live-a', '${a.userId}', now() + interval '1 day', now()),
      (gen_random_uuid(), 'expired-a', '${a.userId}', now() - interval '1 second', now());`);
  app = await db.openApp({ max: 1 });
});
afterAll(() => db.close());

interface Bound {
  actor: { user_id: string; tenant_id: string; key_id: string | null }[];
  /** The users the rest of the transaction can see. */
  visible: string[];
}

/** Binds as the app does, then looks at what the same transaction can read. */
function bind(token: string | null, keyTenant: string | null, keyHash: string | null): Promise<Bound> {
  return app.prisma.$transaction(async (tx) => {
    const actor = await tx.$queryRaw<Bound['actor']>`
      select user_id, tenant_id, key_id from tenantry_bind_actor(${token}::text, ${keyTenant}::uuid, ${keyHash}::text)`;
    const users = await tx.$queryRaw<{ id: string }[]>`select id from users`;
    return { actor, visible: users.map((u) => u.id) };
  });
}

describe('tenantry_bind_actor', () => {
  it("a live session binds its user's tenant, and only that tenant is visible after", async () => {
    const { actor, visible } = await bind('live-a', null, null);
    expect(actor).toEqual([{ user_id: a.userId, tenant_id: a.tenantId, key_id: null }]);
    expect(visible).toEqual([a.userId]);
  });

  it('an unknown or expired session binds nothing, and nothing is visible', async () => {
    for (const token of ['no-such-token', 'expired-a']) {
      const { actor, visible } = await bind(token, null, null);
      expect(actor, token).toEqual([]);
      expect(visible, token).toEqual([]);
    }
  });

  it("an API key binds its tenant; presented with another tenant's id it finds nothing", async () => {
    const own = await bind(null, a.tenantId, `keyhash-${a.tenantId}`);
    expect(own.actor).toEqual([{ user_id: a.userId, tenant_id: a.tenantId, key_id: a.apiKeyId }]);
    const crossed = await bind(null, b.tenantId, `keyhash-${a.tenantId}`);
    expect(crossed.actor).toEqual([]);
    expect(crossed.visible).toEqual([b.userId]);
  });

  it('the app role still cannot read session tokens or key hashes itself', async () => {
    await expect(app.prisma.$queryRaw`select token from sessions`).rejects.toThrow(/permission denied/);
    await expect(app.prisma.$queryRaw`select key_hash from api_keys`).rejects.toThrow(/permission denied/);
  });
});

describe('tenantry_end_sessions', () => {
  /** Ends `member`'s sessions as the app does, in a transaction bound to `tenant`. */
  const end = (tenant: string, member: string, reason: string) =>
    app.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`select set_config('app.tenant_id', ${tenant}, true)`;
      await tx.$executeRaw`select tenantry_end_sessions(${member}::uuid, ${reason}::text)`;
    });
  const live = async (member: string) =>
    (await db.owner.rows(`select id from sessions where user_id = '${member}' and expires_at > now()`))
      .length;

  it("ends a member's sessions with the reason, which binding then reports and nothing else", async () => {
    await db.owner.exec(`
      insert into sessions (id, token, user_id, expires_at, updated_at) values
        (gen_random_uuid(), 'ending-b', '${b.userId}', now() + interval '1 day', now())`);
    // Bound to another tenant, the call reaches nobody.
    await end(a.tenantId, b.userId, 'role_changed');
    expect(await live(b.userId)).toBe(1);

    await end(b.tenantId, b.userId, 'role_changed');
    expect(await live(b.userId)).toBe(0);
    const { actor, visible } = await app.prisma.$transaction(async (tx) => {
      const actor = await tx.$queryRaw<{ user_id: string | null; session_ended: string | null }[]>`
        select user_id, session_ended from tenantry_bind_actor('ending-b', null, null)`;
      const users = await tx.$queryRaw<{ id: string }[]>`select id from users`;
      return { actor, visible: users.map((u) => u.id) };
    });
    expect(actor).toEqual([{ user_id: null, session_ended: 'role_changed' }]);
    expect(visible).toEqual([]);
  });

  it('refuses a reason it does not know, and the app role cannot extend a session itself', async () => {
    await expect(end(a.tenantId, a.userId, 'because')).rejects.toThrow(/sessions_ended_reason_known/);
    await expect(
      app.prisma.$executeRaw`update sessions set expires_at = now() + interval '1 year'`,
    ).rejects.toThrow(/permission denied/);
  });
});
