// What a new password must be (ASVS 5.0 V6.2): 8 to 128 characters, any
// printable Unicode, no composition rules, but not one of the most common
// passwords, not only whitespace, and not one character repeated or a plain
// run ("aaaaaaaa", "abcdefgh"). Checked at registration, invitation acceptance
// (zPassword in their inputs) and by better-auth's endpoints that set one
// (auth-input.ts). Sign-in checks none of this: it only compares.
import { zText } from './text.ts';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** One character repeated, or a run of consecutive code points up or down. */
function isRepetitiveOrSequential(password: string): boolean {
  const points = Array.from(password, (char) => char.codePointAt(0) ?? 0);
  const step = (points[1] ?? 0) - (points[0] ?? 0);
  if (Math.abs(step) > 1) return false;
  return points.every((point, i) => i === 0 || point - (points[i - 1] ?? 0) === step);
}

/** Why `password` is too easy to guess, or null. Its length is checked elsewhere. */
export async function weakPasswordProblem(password: string): Promise<string | null> {
  if (password.trim() === '') return 'must not be only spaces';
  if (isRepetitiveOrSequential(password))
    return 'is too easy to guess (one character repeated, or a plain sequence)';
  // Loaded here, on first use, to keep the list out of bundles that never check a password.
  const { isCommonPassword } = await import('./common-passwords.ts');
  if (isCommonPassword(password)) return 'is one of the most common passwords; choose another';
  return null;
}

/**
 * A new password. Taken verbatim: never trimmed or normalized, since that would
 * change the credential. Its check is async (the list loads on first use), so
 * parse inputs that hold it with parseAsync / safeParseAsync (tRPC and
 * react-hook-form's zodResolver do).
 */
export const zPassword = zText({ min: PASSWORD_MIN, max: PASSWORD_MAX, verbatim: true }).check(
  async (ctx) => {
    const { length } = ctx.value;
    if (length < PASSWORD_MIN || length > PASSWORD_MAX) return; // already reported
    const problem = await weakPasswordProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  },
);
