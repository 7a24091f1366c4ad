// The password policy (lib/password.ts) on every way a password is set, over
// HTTP: registration and invitation acceptance (tRPC), and better-auth's
// sign-up, change-password and reset-password (auth-input.ts). Each refuses a
// common, an all-whitespace and a short password with a 400 on its field.
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness } from './testing/harness.ts';
import type { Harness, Org } from './testing/harness.ts';
import { rawAuth, rawTrpc } from './testing/raw-http.ts';

const WEAK = [
  ['a common password', 'password', 'is one of the most common passwords; choose another'],
  ['eight spaces', '        ', 'must not be only spaces'],
  [
    'one character repeated',
    'aaaaaaaa',
    'is too easy to guess (one character repeated, or a plain sequence)',
  ],
  ['seven characters', 'x7#kQ2!', 'must be at least 8 characters'],
] as const;

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('password-policy');
});
afterAll(() => h.close());

interface TrpcErrorBody {
  error: { json: { data: { zodError: { fieldErrors: Record<string, string[]> } } } };
}
const fieldErrorsOf = (body: unknown) => (body as TrpcErrorBody).error.json.data.zodError.fieldErrors;

describe.each(WEAK)('%s', (_, password, message) => {
  it('is refused at registration', async () => {
    const input = { organizationName: 'Weak Co', name: 'Weak', email: 'weak@example.test', password };
    const { status, body } = await rawTrpc(
      h,
      'organization.register',
      JSON.stringify(superjson.serialize(input)),
    );
    expect(status).toBe(400);
    expect(fieldErrorsOf(body)).toEqual({ password: [message] });
  });

  it('is refused when accepting an invitation', async () => {
    const email = `invitee-${password.length}-${Math.random()}@example.test`;
    const { token } = await org.owner.caller.invitation.create({ email });
    const input = { token, email, name: 'Invitee', password };
    const { status, body } = await rawTrpc(
      h,
      'invitation.accept',
      JSON.stringify(superjson.serialize(input)),
    );
    expect(status).toBe(400);
    expect(fieldErrorsOf(body)).toEqual({ password: [message] });
  });

  it("is refused by better-auth's sign-up", async () => {
    const { status, body } = await rawAuth(h, '/sign-up/email', {
      name: 'Weak',
      email: 'weak-signup@example.test',
      password,
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'INVALID_INPUT', field: 'password', message: `password ${message}` });
  });

  it("is refused by better-auth's change-password, and the old one still works", async () => {
    const { status, body } = await rawAuth(
      h,
      '/change-password',
      { currentPassword: org.owner.password, newPassword: password },
      org.owner.token,
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'newPassword',
      message: `newPassword ${message}`,
    });
    const signIn = await rawAuth(h, '/sign-in/email', {
      email: org.owner.email,
      password: org.owner.password,
    });
    expect(signIn.status).toBe(200);
  });

  it("is refused by better-auth's reset-password", async () => {
    const { status, body } = await rawAuth(h, '/reset-password', {
      token: 'a-reset-token',
      newPassword: password,
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'INVALID_INPUT', field: 'newPassword' });
  });
});

describe('a good password', () => {
  it('is accepted by change-password, taken as typed (spaces kept)', async () => {
    const member = await h.addMember(org, 'MEMBER', 'changer');
    const newPassword = '  a long passphrase, spaces kept  ';
    const changed = await rawAuth(
      h,
      '/change-password',
      { currentPassword: member.password, newPassword },
      member.token,
    );
    expect(changed.status).toBe(200);
    const signIn = await rawAuth(h, '/sign-in/email', { email: member.email, password: newPassword });
    expect(signIn.status).toBe(200);
    const trimmed = await rawAuth(h, '/sign-in/email', { email: member.email, password: newPassword.trim() });
    expect(trimmed.status).toBe(401);
  });
});
