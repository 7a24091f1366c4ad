import type { TenantDb } from '@tenantry/db';

import type { Context } from '../context.ts';

/**
 * Signs a user in through better-auth after their account was committed:
 * better-auth creates the session and its HttpOnly cookie goes onto the
 * response. The token itself stays on the server.
 */
export async function startSession(ctx: Context, email: string, password: string): Promise<void> {
  const { headers } = await ctx.auth.api.signInEmail({
    body: { email, password },
    headers: ctx.headers,
    returnHeaders: true,
  });
  for (const cookie of headers.getSetCookie()) ctx.resHeaders.append('set-cookie', cookie);
}

/**
 * Ends every session of a member of the bound tenant, at once: each is expired
 * with its reason (tenantry_end_sessions, see its migration), so their next
 * request is refused with SESSION_ROLE_CHANGED or ACCOUNT_DEACTIVATED rather
 * than a bare "session ended".
 */
export async function endSessions(
  db: TenantDb,
  userId: string,
  reason: 'role_changed' | 'deactivated',
): Promise<void> {
  await db.$executeRaw`select tenantry_end_sessions(${userId}::uuid, ${reason}::text)`;
}
