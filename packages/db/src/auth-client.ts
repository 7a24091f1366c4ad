// The client better-auth uses, as tenantry_auth (see the auth_service_role
// migration): the role that may find a user by email or a session by token
// before any tenant is known. It reaches only better-auth's models.
//
// On PostgreSQL it has a small pool of its own whose connections run as that
// role from the start (createDb), so each of better-auth's queries is one
// round trip. PGlite is one connection shared with the app, so there each query
// runs in a short transaction that switches the role (authClient's
// `per-statement` mode), and the connection goes back to the app role after.
import type { Prisma, PrismaClient as Db } from './generated/client.ts';

export const AUTH_ROLE = 'tenantry_auth';
const AUTH_MODELS = new Set(['User', 'Session', 'Account', 'Verification']);

export class AuthScopeError extends Error {
  override name = 'AuthScopeError';
}

export interface AuthClientOptions {
  /**
   * `bound`: the connections already run as tenantry_auth. `per-statement`
   * (the default): each query switches to it in a transaction of its own.
   */
  role?: 'bound' | 'per-statement';
}

export function authClient(db: Db, options: AuthClientOptions = {}) {
  const perStatement = (options.role ?? 'per-statement') === 'per-statement';
  const asAuthRole = async (statement: Prisma.PrismaPromise<unknown>) => {
    if (!perStatement) return statement;
    const [, result] = await db.$transaction([
      db.$executeRawUnsafe(`set local role ${AUTH_ROLE}`),
      statement,
    ]);
    return result;
  };
  return db.$extends({
    name: 'auth-service',
    query: {
      $allModels: {
        async $allOperations({ model, args, query }) {
          if (!AUTH_MODELS.has(model)) {
            throw new AuthScopeError(`${model} is not reachable through the auth client`);
          }
          return asAuthRole(query(args));
        },
      },
      // A reviewed statement of the server's own (the session check's session
      // and user in one), under the same role and its grants.
      async $queryRaw({ args, query }) {
        return asAuthRole(query(args));
      },
    },
  });
}

export type AuthDb = ReturnType<typeof authClient>;
