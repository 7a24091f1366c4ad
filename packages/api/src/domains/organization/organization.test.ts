import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness, outcome, PASSWORD } from '../../testing/harness.ts';
import type { Harness, Org } from '../../testing/harness.ts';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('acme');
});
afterAll(() => h.close());

describe('organization.register', () => {
  it('creates the tenant, organization and owner, and starts a session', async () => {
    const current = await org.owner.caller.organization.current();
    expect(current.organization).toMatchObject({ name: 'Org acme', ownerId: org.owner.id, seats: 50 });
    expect(current.me).toMatchObject({ id: org.owner.id, role: 'OWNER', email: org.owner.email });
    expect(current.seatsUsed).toBe(1);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, and puts the token nowhere else', async () => {
    const resHeaders = new Headers();
    const { createContextInner } = await import('../../context.ts');
    const { createCaller } = await import('../../root.ts');
    const caller = createCaller(createContextInner({ db: h.prisma, auth: h.auth, resHeaders }));
    const result = await caller.organization.register({
      organizationName: 'Cookie Co',
      name: 'Cookie Owner',
      email: 'cookie-owner@example.test',
      password: PASSWORD,
    });
    const cookie = resHeaders.getSetCookie().find((c) => c.startsWith('better-auth.session_token='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = decodeURIComponent(cookie?.split(/[=;]/)[1] ?? '').split('.')[0] ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(JSON.stringify(result)).not.toContain(token);
    expect([...resHeaders.keys()]).toEqual(['set-cookie']);
  });

  it('answers a duplicate email with CONFLICT, leaking no constraint name', async () => {
    const attempt = h.anonymous.organization.register({
      organizationName: 'Copycat',
      name: 'Copy',
      email: org.owner.email.toUpperCase(),
      password: PASSWORD,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(attempt).rejects.not.toThrow(/users_email_key|constraint/);
  });

  it('the owner can sign in again with email and password; a wrong password and an unknown email get the same error', async () => {
    const ok = await h.auth.api.signInEmail({ body: { email: org.owner.email, password: PASSWORD } });
    expect(ok.token).toBeTruthy();
    const wrong = await h.auth.api
      .signInEmail({ body: { email: org.owner.email, password: 'wrong password!' } })
      .catch((e: unknown) => e);
    const unknown = await h.auth.api
      .signInEmail({ body: { email: 'nobody@example.test', password: 'wrong password!' } })
      .catch((e: unknown) => e);
    expect(String(wrong)).toBe(String(unknown));
    expect((wrong as { statusCode?: number }).statusCode).toBe(401);
  });
});

describe('organization.update and members', () => {
  it('updates name, plan and billing email; seats cannot drop below active members', async () => {
    const updated = await org.owner.caller.organization.update({
      name: 'Acme Ltd',
      plan: 'team',
      billingEmail: 'Billing@Acme.test',
    });
    expect(updated).toMatchObject({ name: 'Acme Ltd', plan: 'team', billingEmail: 'billing@acme.test' });
    await expect(org.owner.caller.organization.update({ seats: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await h.addMember(org, 'MEMBER', 'mia');
    await expect(org.owner.caller.organization.update({ seats: 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('lists members with keyset pagination and search', async () => {
    for (const name of ['zara', 'zoe', 'zed']) await h.addMember(org, 'MEMBER', name);
    const first = await org.owner.caller.organization.members({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1]?.id);
    const second = await org.owner.caller.organization.members({
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.items.map((m) => m.id)).not.toContain(first.items[0]?.id);
    const z = await org.owner.caller.organization.members({ search: 'Z' });
    expect(z.items.map((m) => m.name).sort()).toEqual(['zara', 'zed', 'zoe']);
    expect(JSON.stringify(z)).not.toMatch(/password|token/i);
  });
});

describe('removed procedures', () => {
  it.each(['organization.listMine', 'organization.switch', 'organization.mine'])(
    '%s is NOT_FOUND',
    async (path) => {
      const [router, name] = path.split('.') as [string, string];
      const caller = org.owner.caller as unknown as Record<
        string,
        Record<string, (i: unknown) => Promise<unknown>>
      >;
      const call = Promise.resolve().then(() => caller[router]?.[name]?.({}));
      expect(await outcome(call)).toBe('NOT_FOUND');
    },
  );
});
