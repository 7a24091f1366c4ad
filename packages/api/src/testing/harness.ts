// A real stack for router tests: a throwaway database (PGlite, or PostgreSQL
// with TEST_DATABASE_URL), better-auth on it, and callers that authenticate
// the way HTTP requests do (session cookies and API keys through createContext).
import { randomBytes } from 'node:crypto';

import { authClient } from '@tenantry/db';
import type { AuthDb, Db } from '@tenantry/db';
import { createTestDatabase } from '@tenantry/db/testing';
import type { TestDatabase, Through } from '@tenantry/db/testing';
import { TRPCError } from '@trpc/server';

import { createAuth } from '../auth.ts';
import type { Auth } from '../auth.ts';
import { createContext, createContextInner } from '../context.ts';
import type { Principal } from '../context.ts';
import { appRouter, createCaller } from '../root.ts';
import type { Meta } from '../trpc.ts';
import { credentialHeaders, sessionTokenOf } from './credentials.ts';

export type Caller = ReturnType<typeof createCaller>;

export interface Member {
  id: string;
  email: string;
  password: string;
  token: string;
  caller: Caller;
}

export interface Org {
  tenantId: string;
  organizationId: string;
  owner: Member;
}

export interface Harness {
  db: TestDatabase;
  prisma: Db;
  auth: Auth;
  /** better-auth's database client, as the auth role. */
  authDb: AuthDb;
  anonymous: Caller;
  /**
   * A caller authenticated as HTTP would, through createContext: a session
   * token in the signed session cookie, an API key in `Authorization: Bearer`.
   */
  callerWithToken(token: string, extraHeaders?: Record<string, string>): Promise<Caller>;
  /** A caller with a principal set directly, skipping the request's credentials. */
  callerAs(principal: Principal): Caller;
  /** A session for `userId` written straight into the database (one that outlived what should have ended it); its token. */
  sessionFor(userId: string): Promise<string>;
  register(label: string): Promise<Org>;
  /** Invites and accepts a new member of `org` with `role`. */
  addMember(org: Org, role: 'ADMIN' | 'MEMBER', label: string): Promise<Member>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery';
let counter = 0;

export interface HarnessOptions {
  /**
   * 'owner' runs the routers on the schema owner's connection, which RLS does
   * not bind, to prove the other layers alone. Default: the app role.
   */
  connection?: 'app' | 'owner';
  /**
   * Replaces the database client the routers get, e.g. to switch off the
   * tenant-bound client's scoping and prove RLS alone.
   */
  wrapDb?: (db: Db) => Db;
  /**
   * PostgreSQL only: connects the app through another URL to the test database,
   * e.g. a counting proxy's, or one URL per role (PgBouncer).
   */
  through?: (databaseUrl: string) => Through | Promise<Through>;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db = await createTestDatabase();
  const through = options.through && db.url ? await options.through(db.url) : undefined;
  const app = options.connection === 'owner' ? null : await db.openApp(undefined, through);
  const base = app?.prisma ?? db.openOwnerPrisma();
  const prisma = options.wrapDb ? options.wrapDb(base) : base;
  const authDb = app?.auth ?? authClient(base);
  const auth = createAuth({
    db: authDb,
    secret: 'a-test-secret-of-at-least-thirty-two-chars',
    baseURL: 'http://localhost:3000',
    // Failed sign-ins are expected here (the tests assert on their outcome); errors still show.
    log: (level, message) => {
      if (level === 'error') console.error(`better-auth: ${message}`);
    },
  });
  const anonymous = createCaller(createContextInner({ db: prisma, auth }));

  async function callerWithToken(token: string, extraHeaders: Record<string, string> = {}): Promise<Caller> {
    const headers = new Headers({ ...(await credentialHeaders(auth, token)), ...extraHeaders });
    return createCaller(await createContext({ db: prisma, auth, headers }));
  }

  async function register(label: string): Promise<Org> {
    counter += 1;
    const email = `owner-${label}-${counter}-${Date.now()}@example.test`.toLowerCase();
    const resHeaders = new Headers();
    const result = await createCaller(
      createContextInner({ db: prisma, auth, resHeaders }),
    ).organization.register({
      organizationName: `Org ${label}`,
      name: `Owner ${label}`,
      email,
      password: PASSWORD,
    });
    const token = sessionTokenOf(resHeaders);
    const owner = {
      id: result.user.id,
      email,
      password: PASSWORD,
      token,
      caller: await callerWithToken(token),
    };
    // Room for the members the tests add.
    await owner.caller.organization.update({ seats: 50 });
    const [row] = await db.owner.rows<{ tenant_id: string }>(
      `select tenant_id from tenant_organisations where id = '${result.organization.id}'`,
    );
    if (!row) throw new Error('registration left no organization');
    return { tenantId: row.tenant_id, organizationId: result.organization.id, owner };
  }

  async function addMember(org: Org, role: 'ADMIN' | 'MEMBER', label: string): Promise<Member> {
    counter += 1;
    const email = `${label}-${counter}-${Date.now()}@example.test`.toLowerCase();
    const { token: invitation } = await org.owner.caller.invitation.create({ email, role });
    const resHeaders = new Headers();
    const accepted = await createCaller(
      createContextInner({ db: prisma, auth, resHeaders }),
    ).invitation.accept({
      token: invitation,
      email,
      name: label,
      password: PASSWORD,
    });
    const token = sessionTokenOf(resHeaders);
    return { id: accepted.user.id, email, password: PASSWORD, token, caller: await callerWithToken(token) };
  }

  return {
    db,
    prisma,
    auth,
    authDb,
    anonymous,
    callerWithToken,
    callerAs: (principal) => createCaller(createContextInner({ db: prisma, auth, principal })),
    sessionFor: async (userId) => {
      const token = randomBytes(24).toString('base64url');
      await db.owner.exec(
        `insert into sessions (id, token, user_id, expires_at, updated_at)
         values (gen_random_uuid(), '${token}', '${userId}', now() + interval '1 day', now())`,
      );
      return token;
    },
    register,
    addMember,
    close: () => db.close(),
  };
}

/** Calls `path` (e.g. "site.byId") on a caller. */
export function callPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: 'query' | 'mutation' | 'subscription'; meta?: Meta; output?: unknown } }
>;

/** Every procedure path of the app router. */
export const procedurePaths = Object.keys(procedures);

export const isMutation = (path: string) => procedures[path]?._def.type === 'mutation';

/** Whether a procedure declares its output (`.output()`), which parses what it returns. */
export const hasOutput = (path: string) => procedures[path]?._def.output !== undefined;

/** The audit action a procedure declares in its meta, if any. */
export const auditActionOf = (path: string) => procedures[path]?._def.meta?.audit;

/** The tRPC error code a call ended with, or 'OK'. */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}
