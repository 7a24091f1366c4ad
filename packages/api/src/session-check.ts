// better-auth's get-session, answered without its handler when all it would do
// is read: a live session, not yet due for refresh, from its signed cookie
// (checked as tenant calls check it, credentials.ts), read with its user in one
// statement as the auth role. The answer is better-auth's own shape without the
// token. Anything else goes to better-auth, which answers as it always has: a
// query string (its options), its other cookies (the cookie cache it clears, "don't
// remember me"), an unknown or expired session (it clears the cookie and deletes
// the session), a session due for refresh (it extends it and sets the cookie again).
// Nothing is cached: a signed-out, ended or deleted session is gone on the next call.
// This holds while createAuth keeps better-auth's cookie cache off and has no
// secondary storage; session-check.test.ts compares both answers field by field.
import type { AuthDb, Role } from '@tenantry/db';

import type { Auth } from './auth.ts';
import { signedSessionToken } from './credentials.ts';

/** get-session's body: better-auth's session (without its token) and user. */
export interface SessionView {
  session: {
    expiresAt: Date;
    createdAt: Date;
    updatedAt: Date;
    ipAddress: string | null;
    userAgent: string | null;
    userId: string;
    id: string;
  };
  user: {
    name: string;
    email: string;
    emailVerified: boolean;
    image: string | null;
    createdAt: Date;
    updatedAt: Date;
    tenantId: string;
    role: Role;
    isActive: boolean;
    id: string;
  };
}

interface Row {
  id: string;
  user_id: string;
  expires_at: Date;
  ip_address: string | null;
  user_agent: string | null;
  created_at: Date;
  updated_at: Date;
  name: string;
  email: string;
  email_verified: boolean;
  image: string | null;
  user_created_at: Date;
  user_updated_at: Date;
  tenant_id: string;
  role: Role;
  is_active: boolean;
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/**
 * The answer to `GET get-session` with this Cookie header and query string: the
 * session, or null when no session cookie came; undefined when better-auth must answer.
 */
export async function checkSession(
  auth: Auth,
  db: AuthDb,
  request: { cookie: string; query: string },
): Promise<SessionView | null | undefined> {
  if (request.query) return undefined;
  const { authCookies, sessionConfig } = await auth.$context;
  const { cookie } = request;
  if (cookie.includes(authCookies.sessionData.name) || cookie.includes(authCookies.dontRememberToken.name)) {
    return undefined;
  }
  const named = occurrences(cookie, authCookies.sessionToken.name);
  if (named === 0) return null;
  // Two cookies of that name: better-auth's parser and ours might not pick the same one.
  const token = named === 1 ? await signedSessionToken(auth, cookie) : null;
  if (!token) return undefined;
  const [row] = await db.$queryRaw<Row[]>`
    select s.id, s.user_id, s.expires_at, s.ip_address, s.user_agent, s.created_at, s.updated_at,
           u.name, u.email, u.email_verified, u.image, u.created_at as user_created_at,
           u.updated_at as user_updated_at, u.tenant_id, u.role::text as role, u.is_active
      from sessions s join users u on u.id = s.user_id
     where s.token = ${token}`;
  if (!row) return undefined;
  const expiresAt = row.expires_at.getTime();
  const now = Date.now();
  // better-auth's own rule: refreshed once less than expiresIn - updateAge is left.
  const dueForRefresh = expiresAt - sessionConfig.expiresIn * 1000 + sessionConfig.updateAge * 1000 <= now;
  if (expiresAt <= now || dueForRefresh) return undefined;
  return {
    session: {
      expiresAt: row.expires_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      ipAddress: row.ip_address,
      userAgent: row.user_agent,
      userId: row.user_id,
      id: row.id,
    },
    user: {
      name: row.name,
      email: row.email,
      emailVerified: row.email_verified,
      image: row.image,
      createdAt: row.user_created_at,
      updatedAt: row.user_updated_at,
      tenantId: row.tenant_id,
      role: row.role,
      isActive: row.is_active,
      id: row.user_id,
    },
  };
}
