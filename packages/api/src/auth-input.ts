// Input rules for better-auth's endpoints: the same text rule as every tRPC
// input (lib/text.ts) and the same password policy (lib/password.ts), applied
// in a before-hook, so a NUL in a name, a 100k-character name, an empty name or
// "password" as a new password is a 400 naming the field instead of a 500 from
// the database or a stored value.
//
// better-auth validates types itself but accepts any string: `update-user`
// takes any `name` and `image`, and `change-password` and `reset-password`
// check only the length. Its field-level `validator` option covers
// additionalFields only, so the rules live here, per endpoint.
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { z } from 'zod';

import { PASSWORD_MAX, zEmail, zName, zPassword, zText } from './lib/schemas.ts';
import { textProblem } from './lib/text.ts';

/** A password being checked, not set: bounded and clean, nothing more (a weak one may predate the policy). */
const zCurrentPassword = zText({ max: PASSWORD_MAX, verbatim: true });
const zImage = zText({ max: 2048 }).nullable();
const zToken = zText({ max: 512, verbatim: true });

/**
 * The endpoints that take user text, and the rule of each field. Other keys pass
 * to better-auth, which validates them; every string anywhere in a request's
 * body, query and params still gets the text rule (scanText).
 */
const BODIES: Record<string, z.ZodType<Record<string, unknown>>> = {
  '/sign-up/email': z.looseObject({
    name: zName,
    email: zEmail,
    password: zPassword,
    image: zImage.optional(),
  }),
  '/sign-in/email': z.looseObject({ email: zEmail, password: zCurrentPassword }),
  '/update-user': z.looseObject({ name: zName.optional(), image: zImage.optional() }),
  '/change-password': z.looseObject({ currentPassword: zCurrentPassword, newPassword: zPassword }),
  '/reset-password': z.looseObject({ newPassword: zPassword, token: zToken.optional() }),
  '/set-password': z.looseObject({ newPassword: zPassword }),
  '/change-email': z.looseObject({ newEmail: zEmail }),
  '/request-password-reset': z.looseObject({ email: zEmail }),
  '/send-verification-email': z.looseObject({ email: zEmail }),
  '/verify-password': z.looseObject({ password: zCurrentPassword }),
  '/delete-user': z.looseObject({ password: zCurrentPassword.optional(), token: zToken.optional() }),
};

/** A 400 in better-auth's shape ({ code, message }), plus the field and every field's messages, as tRPC's zodError has them. */
function invalidInput(fieldErrors: Record<string, string[]>): APIError {
  const [field, messages] = Object.entries(fieldErrors)[0] ?? ['input', ['is invalid']];
  return new APIError('BAD_REQUEST', {
    code: 'INVALID_INPUT',
    message: `${field} ${messages[0] ?? 'is invalid'}`,
    field,
    fieldErrors,
  });
}

/** The first string in `value` (at any depth) that breaks the text rule, as [path, problem]. */
function scanText(value: unknown, path: string): [string, string] | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? [path, problem] : null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = scanText(inner, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const authInputHook = createAuthMiddleware(async (ctx) => {
  const schema = BODIES[ctx.path];
  const body: unknown = ctx.body;
  // A body of the wrong shape is left to better-auth's own validation (a 400).
  const parsed = schema && isPlainObject(body) ? await schema.safeParseAsync(body) : null;
  if (parsed && !parsed.success) {
    throw invalidInput(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  }
  for (const value of [parsed?.data ?? body, ctx.query, ctx.params]) {
    const found = scanText(value, '');
    if (found) throw invalidInput({ [found[0] || 'input']: [found[1]] });
  }
  // The normalized values (trimmed, NFC, lowercased email) are what better-auth stores.
  if (parsed) return { context: { body: parsed.data } };
});
