// The client better-auth uses. Each of its queries runs in a short transaction
// as tenantry_auth (see the auth_service_role migration): the role that may
// find a user by email or a session by token before any tenant is known. It
// reaches only better-auth's models.
import type { Db } from './client.ts';

export const AUTH_ROLE = 'tenantry_auth';
const AUTH_MODELS = new Set(['User', 'Session', 'Account', 'Verification']);

export class AuthScopeError extends Error {
  override name = 'AuthScopeError';
}

export function authClient(db: Db) {
  return db.$extends({
    name: 'auth-service',
    query: {
      $allModels: {
        async $allOperations({ model, args, query }) {
          if (!AUTH_MODELS.has(model)) {
            throw new AuthScopeError(`${model} is not reachable through the auth client`);
          }
          const [, result] = await db.$transaction([
            db.$executeRawUnsafe(`set local role ${AUTH_ROLE}`),
            query(args),
          ]);
          return result;
        },
      },
    },
  });
}

export type AuthDb = ReturnType<typeof authClient>;
