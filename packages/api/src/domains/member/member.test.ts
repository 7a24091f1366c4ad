import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness, outcome, PASSWORD } from '../../testing/harness.ts';
import type { Harness, Member, Org } from '../../testing/harness.ts';

let h: Harness;
let org: Org;
let admin: Member;

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('members');
  admin = await h.addMember(org, 'ADMIN', 'admin');
});
afterAll(() => h.close());

/** The user's sessions that still authenticate. */
const sessionsOf = async (userId: string) =>
  (await h.db.owner.rows(`select id from sessions where user_id = '${userId}' and expires_at > now()`))
    .length;

describe('owner rules', () => {
  it('the owner cannot be demoted or deactivated, by an admin or by themself', async () => {
    for (const caller of [admin.caller, org.owner.caller]) {
      expect(await outcome(caller.member.updateRole({ userId: org.owner.id, role: 'MEMBER' }))).toBe(
        'FORBIDDEN',
      );
      expect(await outcome(caller.member.deactivate({ userId: org.owner.id }))).toBe('FORBIDDEN');
    }
    const me = (await org.owner.caller.organization.current()).me;
    expect(me.role).toBe('OWNER');
  });

  it('nobody grants OWNER through updateRole', async () => {
    expect(
      await outcome(org.owner.caller.member.updateRole({ userId: admin.id, role: 'OWNER' as 'ADMIN' })),
    ).toBe('BAD_REQUEST');
  });

  it('an admin cannot deactivate themself', async () => {
    expect(await outcome(admin.caller.member.deactivate({ userId: admin.id }))).toBe('FORBIDDEN');
  });

  it('ownership moves explicitly and atomically', async () => {
    const h2 = await h.register('transfer');
    const heir = await h.addMember(h2, 'MEMBER', 'heir');
    expect(await outcome(heir.caller.member.transferOwnership({ userId: heir.id }))).toBe('FORBIDDEN');
    const newOwner = await h2.owner.caller.member.transferOwnership({ userId: heir.id });
    expect(newOwner.role).toBe('OWNER');
    const current = await heir.caller.organization.current();
    expect(current.organization.ownerId).toBe(heir.id);
    expect(current.me.role).toBe('OWNER');
    expect((await h2.owner.caller.organization.current()).me.role).toBe('ADMIN');
    const events = await heir.caller.audit.list({ action: 'member.transferOwnership' });
    expect(events.items).toHaveLength(1);
  });
});

describe('deactivation and role changes take effect on the next request', () => {
  it('a deactivated member is out at once, cannot sign in, and comes back when reactivated', async () => {
    const m = await h.addMember(org, 'MEMBER', 'leaver');
    expect(await outcome(m.caller.site.list({}))).toBe('OK');
    expect(await sessionsOf(m.id)).toBe(1);

    await org.owner.caller.member.deactivate({ userId: m.id });
    expect(await sessionsOf(m.id)).toBe(0);
    await expect(m.caller.site.list({})).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'ACCOUNT_DEACTIVATED' },
    });
    expect(await outcome((await h.callerWithToken(m.token)).site.list({}))).toBe('UNAUTHORIZED');
    const signIn = await h.auth.api
      .signInEmail({ body: { email: m.email, password: PASSWORD } })
      .catch((e: unknown) => e);
    expect((signIn as { statusCode?: number }).statusCode).toBe(403);

    await org.owner.caller.member.reactivate({ userId: m.id });
    const again = await h.auth.api.signInEmail({ body: { email: m.email, password: PASSWORD } });
    expect(await outcome((await h.callerWithToken(again.token)).site.list({}))).toBe('OK');
  });

  it('a role change ends the member’s sessions, and the new role holds on the next sign-in', async () => {
    const m = await h.addMember(org, 'MEMBER', 'promoted');
    expect(await outcome(m.caller.audit.list({}))).toBe('FORBIDDEN');
    await org.owner.caller.member.updateRole({ userId: m.id, role: 'ADMIN' });
    // The session is checked on every call, never cached: even a context built before the change finds it ended…
    expect(await outcome(m.caller.audit.list({}))).toBe('UNAUTHORIZED');
    // …because the old session is ended, so the next request must sign in again, and is told why.
    expect(await sessionsOf(m.id)).toBe(0);
    await expect((await h.callerWithToken(m.token)).audit.list({})).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'SESSION_ROLE_CHANGED' },
    });
    const again = await h.auth.api.signInEmail({ body: { email: m.email, password: PASSWORD } });
    expect(await outcome((await h.callerWithToken(again.token)).audit.list({}))).toBe('OK');
  });

  it('an API key stops working when its creator is deactivated, and acts no higher than its creator', async () => {
    const creator = await h.addMember(org, 'ADMIN', 'keymaker');
    const { secret } = await creator.caller.apiKey.create({ name: 'ci', role: 'ADMIN' });
    const key = await h.callerWithToken(secret);
    expect(await outcome(key.audit.list({}))).toBe('OK');
    await org.owner.caller.member.updateRole({ userId: creator.id, role: 'MEMBER' });
    expect(await outcome(key.audit.list({}))).toBe('FORBIDDEN');
    expect(await outcome(key.site.list({}))).toBe('OK');
    await org.owner.caller.member.deactivate({ userId: creator.id });
    expect(await outcome(key.site.list({}))).toBe('UNAUTHORIZED');
  });

  it('a revoked or expired API key gets UNAUTHORIZED', async () => {
    const { apiKey, secret } = await org.owner.caller.apiKey.create({ name: 'short-lived' });
    const key = await h.callerWithToken(secret);
    expect(await outcome(key.site.list({}))).toBe('OK');
    const listed = await org.owner.caller.apiKey.list({});
    expect(listed.items.find((k) => k.id === apiKey.id)?.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(listed)).not.toContain(secret);
    await org.owner.caller.apiKey.revoke({ id: apiKey.id });
    expect(await outcome(key.site.list({}))).toBe('UNAUTHORIZED');

    const expiring = await org.owner.caller.apiKey.create({ name: 'expired' });
    await h.db.owner.exec(
      `update api_keys set expires_at = now() - interval '1 second' where id = '${expiring.apiKey.id}'`,
    );
    expect(await outcome((await h.callerWithToken(expiring.secret)).site.list({}))).toBe('UNAUTHORIZED');
  });

  it('a suspended tenant is FORBIDDEN', async () => {
    const s = await h.register('suspended');
    await h.db.owner.exec(`update tenants set status = 'SUSPENDED' where id = '${s.tenantId}'`);
    expect(await outcome(s.owner.caller.site.list({}))).toBe('FORBIDDEN');
  });
});

describe('seats', () => {
  it('reactivation respects the seat limit', async () => {
    const s = await h.register('seats');
    const m = await h.addMember(s, 'MEMBER', 'seat');
    await s.owner.caller.member.deactivate({ userId: m.id });
    await s.owner.caller.organization.update({ seats: 1 });
    expect(await outcome(s.owner.caller.member.reactivate({ userId: m.id }))).toBe('CONFLICT');
    await s.owner.caller.organization.update({ seats: 2 });
    expect(await outcome(s.owner.caller.member.reactivate({ userId: m.id }))).toBe('OK');
  });
});
