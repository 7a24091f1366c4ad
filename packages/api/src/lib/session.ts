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

/** Ends every session of a user (deactivation, role change). */
export async function endSessions(db: TenantDb, userId: string): Promise<void> {
  await db.$executeRaw`delete from sessions where user_id = ${userId}::uuid`;
}
