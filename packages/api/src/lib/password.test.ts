// The password policy on its own (ASVS 5.0 V6.2); password-policy.test.ts
// checks that every way of setting a password applies it.
import { describe, expect, it } from 'vitest';

import { isCommonPassword } from './common-passwords.ts';
import { PASSWORD_MAX, zPassword } from './password.ts';

const problems = async (value: string) =>
  (await zPassword.safeParseAsync(value)).error?.issues.map((issue) => issue.message) ?? [];

describe('zPassword', () => {
  it.each([
    ['password', 'is one of the most common passwords; choose another'],
    ['PassWord1', 'is one of the most common passwords; choose another'],
    ['iloveyou', 'is one of the most common passwords; choose another'],
    ['qwertyuiop', 'is one of the most common passwords; choose another'],
    ['aaaaaaaa', 'is too easy to guess (one character repeated, or a plain sequence)'],
    ['abcdefgh', 'is too easy to guess (one character repeated, or a plain sequence)'],
    ['98765432', 'is too easy to guess (one character repeated, or a plain sequence)'],
    ['        ', 'must not be only spaces'],
    ['\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000', 'must not be only spaces'],
    ['short', 'must be at least 8 characters'],
    ['x'.repeat(PASSWORD_MAX + 1), `is at most ${PASSWORD_MAX} characters`],
    ['tab\tinside!', 'must not contain a tab'],
  ])('refuses %j', async (value, message) => {
    expect(await problems(value)).toEqual([message]);
  });

  it.each(['correct horse battery', '  spaced out  ', 'Tr0ub4dor&3x', 'пароль-из-книги', '🔑🔑🔑🔑 unlock'])(
    'accepts %j exactly as typed',
    async (value) => {
      expect(await zPassword.parseAsync(value)).toBe(value);
    },
  );

  it('knows common passwords of 8 characters or more, and not a long passphrase', () => {
    expect(isCommonPassword('12345678')).toBe(true);
    expect(isCommonPassword('baseball1')).toBe(true);
    expect(isCommonPassword('correct horse battery')).toBe(false);
  });
});
