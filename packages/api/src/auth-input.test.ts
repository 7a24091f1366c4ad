// better-auth's own endpoints, over HTTP: user text gets the rule every tRPC
// input gets (auth-input.ts). Before it, update-user answered 500 for a NUL or
// a 100k-character name and stored an empty one (issue #11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHarness } from './testing/harness.ts';
import type { Harness, Org } from './testing/harness.ts';
import { rawAuth } from './testing/raw-http.ts';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await h.register('auth-input');
});
afterAll(() => h.close());

const nameOf = async () => (await org.owner.caller.organization.current()).me.name;

describe("better-auth's update-user", () => {
  it.each([
    ['a name with a NUL', 'Ann\u0000', 'name must not contain a NUL character (U+0000)'],
    [
      'a name with a lone surrogate',
      'Ann\ud800',
      'name contains a broken character (an unpaired surrogate, U+D800)',
    ],
    ['a name with an escape sequence', '\u001b[2JAnn', 'name must not contain a control character (U+001B)'],
    ['a name on two lines', 'Ann\nSmith', 'name must be a single line'],
    ['a 100k-character name', 'x'.repeat(100_000), 'name is at most 120 characters'],
    ['an empty name', '', 'name is required'],
    ['a name of spaces only', '    ', 'name is required'],
    ['a number for a name', 42, 'name must be text'],
  ])('%s: a 400 naming the field, nothing stored', async (_, name, message) => {
    const before = await nameOf();
    const { status, body } = await rawAuth(h, '/update-user', { name }, org.owner.token);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'INVALID_INPUT', field: 'name', message });
    expect(await nameOf()).toBe(before);
  });

  it('stores a name trimmed and in NFC', async () => {
    const { status } = await rawAuth(
      h,
      '/update-user',
      { name: '  Zoe\u0308 Ba\u0301rta  ' },
      org.owner.token,
    );
    expect(status).toBe(200);
    expect(await nameOf()).toBe('Zo\u00eb B\u00e1rta');
  });

  it('refuses a bad image and a NUL in any other field', async () => {
    const image = await rawAuth(h, '/update-user', { image: 'x'.repeat(3000) }, org.owner.token);
    expect(image).toMatchObject({ status: 400, body: { field: 'image' } });
    const other = await rawAuth(h, '/update-user', { name: 'Ok', nickname: 'a\u0000' }, org.owner.token);
    expect(other).toMatchObject({ status: 400, body: { field: 'nickname' } });
  });

  it('still refuses fields that are not the user’s to set', async () => {
    const { status } = await rawAuth(h, '/update-user', { tenantId: org.tenantId }, org.owner.token);
    expect(status).toBe(400);
  });
});

describe("better-auth's sign-in", () => {
  it.each([
    ['a NUL in the email', { email: 'a\u0000@example.test', password: 'whatever123' }, 'email'],
    ['a lone surrogate in the email', { email: '\ud800@example.test', password: 'whatever123' }, 'email'],
    ['a NUL in the password', { email: 'x@example.test', password: 'pw\u0000pw\u0000pw' }, 'password'],
    ['a 100k password', { email: 'x@example.test', password: 'x'.repeat(100_000) }, 'password'],
  ])('answers %s with a 400 on that field, not a 500', async (_, input, field) => {
    const { status, body } = await rawAuth(h, '/sign-in/email', input);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'INVALID_INPUT', field });
  });

  it('signs in as before with a clean email, whatever its case and spaces', async () => {
    const { status } = await rawAuth(h, '/sign-in/email', {
      email: `  ${org.owner.email.toUpperCase()} `,
      password: org.owner.password,
    });
    expect(status).toBe(200);
  });
});
