// better-auth: email and password (argon2id), database sessions in an HttpOnly
// signed cookie. No bearer plugin: a session token never leaves the server in
// a body or header, and sibling apps and the CLI use API keys
// (docs/SECURITY.md, "Credentials"). It reaches the database only through the auth client (the
// Database's `auth`, or authClient() over another Prisma client), as the
// tenantry_auth role.
import { hashPassword, verifyPassword } from '@tenantry/db';
import type { AuthDb } from '@tenantry/db';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError } from 'better-auth/api';
import { v7 as uuidv7 } from 'uuid';

import { authInputHook } from './auth-input.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './lib/schemas.ts';

export interface AuthOptions {
  /** better-auth's client, as tenantry_auth: createDb()'s `auth`. */
  db: AuthDb;
  /** At least 32 random characters; signs session cookies. */
  secret: string;
  /** The server's public origin, e.g. http://localhost:3000. */
  baseURL: string;
  trustedOrigins?: string[];
  /** Secure cookies (HTTPS only); on in production. */
  secureCookies?: boolean;
  /** Where better-auth's own messages go (a failed sign-in is a warning); default: the console. */
  log?: (level: AuthLogLevel, message: string) => void;
}

export type AuthLogLevel = 'debug' | 'info' | 'warn' | 'error';

export function createAuth(options: AuthOptions) {
  const db = options.db;
  return betterAuth({
    appName: 'Tenantry',
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: '/api/auth',
    trustedOrigins: options.trustedOrigins ?? [],
    database: prismaAdapter(db, { provider: 'postgresql', transaction: false }),
    emailAndPassword: {
      enabled: true,
      // Sign-up is organization.register or invitation.accept: both create the
      // user inside their tenant's transaction.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      password: {
        hash: hashPassword,
        verify: ({ hash, password }) => verifyPassword(hash, password),
      },
    },
    user: {
      additionalFields: {
        tenantId: { type: 'string', required: true, input: false },
        role: { type: 'string', required: false, input: false },
        isActive: { type: 'boolean', required: false, input: false },
      },
    },
    // No cookie cache: every request reads the session (and the user) from the
    // database, so revocation and deactivation take effect at once.
    session: { cookieCache: { enabled: false } },
    // Rate limits live in the HTTP server, where they also count tRPC calls.
    rateLimit: { enabled: false },
    advanced: {
      database: { generateId: () => uuidv7() },
      useSecureCookies: options.secureCookies ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    databaseHooks: {
      session: {
        create: {
          // Runs after the password checked out: a deactivated user gets no session.
          before: async (session) => {
            const user = await db.user.findUnique({
              where: { id: session.userId },
              select: { isActive: true },
            });
            if (!user?.isActive) {
              throw new APIError('FORBIDDEN', { message: 'This account has been deactivated.' });
            }
          },
        },
      },
    },
    // Text and password rules on better-auth's own endpoints (auth-input.ts).
    hooks: { before: authInputHook },
    telemetry: { enabled: false },
    ...(options.log && { logger: { log: options.log } }),
  });
}

export type Auth = ReturnType<typeof createAuth>;
