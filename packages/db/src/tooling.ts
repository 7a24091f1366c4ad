// @tenantry/db/tooling: migrations (Prisma's WASM schema engine), connections
// as the schema owner, and the demo seed. For the db CLI, deploy steps, tests
// and development; runtime code imports `@tenantry/db`. The engine itself loads
// only when a command needs it (see migrate.ts).
export { DbError } from './errors.ts';
export { createMigration, migrate, plan, reset, rollback, status } from './migrate.ts';
export type { MigrationStatus, Plan } from './migrate.ts';
export { MIGRATIONS_DIR, readMigrations, SCHEMA_PATH } from './migrations-folder.ts';
export type { Migrations } from './migrations-folder.ts';
export { pgliteOwner, postgresOwner } from './owner.ts';
export type { OwnerConnection } from './owner.ts';
export { DEMO, seed } from './seed.ts';
export type { SeedResult } from './seed.ts';
export { CITUS_PLACEMENT, citusDistributionSql, citusTables } from './citus.ts';
export type { CitusPlacement } from './citus.ts';
