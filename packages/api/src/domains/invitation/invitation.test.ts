import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness, outcome, PASSWORD } from '../../testing/harness.ts';
import type { Harness, Org } from '../../testing/harness.ts';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('invites');
});
afterAll(() => h.close());

const accept = (token: string, email: string) =>
  h.anonymous.invitation.accept({ token, email, name: 'Newcomer', password: PASSWORD });

describe('invitations', () => {
  it('store only a hash, expire after 7 days, and list without the token', async () => {
    const { invitation, token } = await org.owner.caller.invitation.create({ email: 'Hash@Example.test' });
    expect(invitation.email).toBe('hash@example.test');
    const days = (invitation.expiresAt.getTime() - invitation.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);
    const [row] = await h.db.owner.rows<{ token_hash: string }>(
      `select token_hash from invitations where id = '${invitation.id}'`,
    );
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.token_hash).not.toContain(token);
    const listed = await org.owner.caller.invitation.list({});
    expect(listed.items.map((i) => i.id)).toContain(invitation.id);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(JSON.stringify(listed)).not.toContain(row?.token_hash);
  });

  it('work once, for the invited email only', async () => {
    const { token } = await org.owner.caller.invitation.create({ email: 'once@example.test', role: 'ADMIN' });
    expect(await outcome(accept(token, 'other@example.test'))).toBe('FORBIDDEN');
    const accepted = await accept(token, 'ONCE@example.test');
    expect(accepted.user.role).toBe('ADMIN');
    expect(await outcome(accept(token, 'once@example.test'))).toBe('CONFLICT');
  });

  it('can be revoked, and a new invitation replaces a pending one', async () => {
    const first = await org.owner.caller.invitation.create({ email: 'revoke@example.test' });
    const second = await org.owner.caller.invitation.create({ email: 'revoke@example.test' });
    expect(await outcome(accept(first.token, 'revoke@example.test'))).toBe('CONFLICT');
    await org.owner.caller.invitation.revoke({ id: second.invitation.id });
    expect(await outcome(accept(second.token, 'revoke@example.test'))).toBe('CONFLICT');
    expect(await outcome(org.owner.caller.invitation.revoke({ id: second.invitation.id }))).toBe('CONFLICT');
  });

  it('expire', async () => {
    const { invitation, token } = await org.owner.caller.invitation.create({ email: 'late@example.test' });
    await h.db.owner.exec(
      `update invitations set expires_at = now() - interval '1 minute' where id = '${invitation.id}'`,
    );
    expect(await outcome(accept(token, 'late@example.test'))).toBe('CONFLICT');
    const expired = await org.owner.caller.invitation.list({ status: 'expired' });
    expect(expired.items.map((i) => i.id)).toEqual([invitation.id]);
  });

  it('reject a malformed or forged token with NOT_FOUND', async () => {
    expect(await outcome(accept('nonsense', 'x@example.test'))).toBe('NOT_FOUND');
    const forged = `inv_${org.tenantId.replace(/-/g, '')}_${'A'.repeat(43)}`;
    expect(await outcome(accept(forged, 'x@example.test'))).toBe('NOT_FOUND');
  });

  it('refuse an existing member', async () => {
    expect(await outcome(org.owner.caller.invitation.create({ email: org.owner.email }))).toBe('CONFLICT');
  });

  it('hold a seat each while pending: inviting at the limit is refused, and every accept finds its seat', async () => {
    const s = await h.register('crowd');
    await s.owner.caller.organization.update({ seats: 3 });
    const first = await s.owner.caller.invitation.create({ email: 'crowd0@example.test' });
    const second = await s.owner.caller.invitation.create({ email: 'crowd1@example.test' });
    // What the invite form shows: every seat taken, two of them by invitations.
    expect(await s.owner.caller.organization.current()).toMatchObject({ seatsUsed: 1, seatsPending: 2 });
    await expect(s.owner.caller.invitation.create({ email: 'crowd2@example.test' })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'SEATS_EXHAUSTED' },
    });
    // Re-inviting the same address replaces the pending invitation and keeps its seat.
    const again = await s.owner.caller.invitation.create({ email: 'crowd1@example.test' });
    await expect(s.owner.caller.organization.update({ seats: 2 })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'SEATS_HELD_BY_INVITATIONS' },
    });
    const results = await Promise.all([
      outcome(accept(first.token, 'crowd0@example.test')),
      outcome(accept(again.token, 'crowd1@example.test')),
      outcome(accept(second.token, 'crowd1@example.test')),
    ]);
    // The replaced invitation was withdrawn.
    expect(results).toEqual(['OK', 'OK', 'CONFLICT']);
    const current = await s.owner.caller.organization.current();
    expect(current).toMatchObject({ seatsUsed: 3, seatsPending: 0 });
  });

  it('preview names the organization and the inviter before anyone fills the form', async () => {
    const { token } = await org.owner.caller.invitation.create({ email: 'peek@example.test', role: 'ADMIN' });
    expect(await h.anonymous.invitation.preview({ token: `${token}\n` })).toMatchObject({
      email: 'peek@example.test',
      role: 'ADMIN',
      organizationName: 'Org invites',
      inviterName: 'Owner invites',
    });
  });

  it('preview and accept say why a link cannot be used: unknown, used, withdrawn or expired', async () => {
    const appCode = (call: Promise<unknown>) =>
      call.then(
        () => 'OK',
        (error: unknown) => (error as { cause?: { code?: string } }).cause?.code ?? String(error),
      );
    const invite = (email: string) => org.owner.caller.invitation.create({ email });
    const preview = (token: string) => appCode(h.anonymous.invitation.preview({ token }));

    expect(await preview('inv_nonsense')).toBe('INVITATION_INVALID');
    const unknown = (await invite('ghost@example.test')).token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await preview(unknown)).toBe('INVITATION_INVALID');

    const used = await invite('used@example.test');
    await accept(used.token, 'used@example.test');
    expect(await preview(used.token)).toBe('INVITATION_USED');

    const withdrawn = await invite('withdrawn@example.test');
    await org.owner.caller.invitation.revoke({ id: withdrawn.invitation.id });
    expect(await preview(withdrawn.token)).toBe('INVITATION_REVOKED');
    expect(await appCode(accept(withdrawn.token, 'withdrawn@example.test'))).toBe('INVITATION_REVOKED');

    const late = await invite('late2@example.test');
    await h.db.owner.exec(
      `update invitations set expires_at = now() - interval '1 minute' where id = '${late.invitation.id}'`,
    );
    expect(await preview(late.token)).toBe('INVITATION_EXPIRED');
  });

  it('refuses to invite someone whose account belongs to another organization, naming the field', async () => {
    const other = await h.register('elsewhere');
    const attempt = org.owner.caller.invitation.create({ email: other.owner.email });
    await expect(attempt).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'EMAIL_IN_OTHER_ORGANIZATION', field: 'email' },
    });
    await expect(org.owner.caller.invitation.create({ email: org.owner.email })).rejects.toMatchObject({
      cause: { code: 'ALREADY_MEMBER' },
    });
    const pending = await org.owner.caller.invitation.list({ search: other.owner.email });
    expect(pending.items).toEqual([]);
  });
});
