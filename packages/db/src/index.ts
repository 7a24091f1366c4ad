// @tenantry/db: the runtime. What a server needs to open the database and query
// it as the app role. Migrations, owner connections and the seed are tooling
// (`@tenantry/db/tooling`); nothing reachable from here imports the WASM schema
// engine or the seed (entries.test.ts walks the import graph to prove it).
export { APP_ROLE, configFromEnv, createDb } from './client.ts';
export type { Database, Db, DbConfig, PoolOptions, RoleUrls } from './client.ts';
export { readDbEnv } from './env.ts';
export { DbError } from './errors.ts';
export { scopeToTenant, TenantScopeError, withTenant, withTenantOf } from './tenant.ts';
export type { Bound, TenantBinding, TenantDb, TenantTransactionOptions } from './tenant.ts';
export { TENANT_KEY, TENANT_MODEL, TENANT_OWNED_MODELS, tenantKeyOf } from './tenancy.ts';
export type { TenantOwnedModel, TenantScopedModel } from './tenancy.ts';
export { Prisma } from './generated/client.ts';
export * from './enums.ts';
export type * from './generated/models.ts';
export { AUTH_ROLE, authClient, AuthScopeError } from './auth-client.ts';
export type { AuthDb } from './auth-client.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { createCredential } from './credentials.ts';
export { checkReadiness } from './readiness.ts';
export type { Readiness } from './readiness.ts';
