// Test helpers for packages that build on the database (not for runtime use).
export { FIXTURE_IDS, insertTenant, newTenantRows, TENANT_TABLES } from './fixtures.ts';
export type { TenantRows } from './fixtures.ts';
export { rowCounts, schemaSnapshot } from './schema-snapshot.ts';
export { TENANT_SCOPED_TABLES } from './tenancy.ts';
export type { TenantTable } from './tenancy.ts';
export { importGraph } from './import-graph.ts';
export type { ImportGraph } from './import-graph.ts';
export { plansAsApp } from './plans.ts';
export { migratedPgliteDir } from './template.ts';
export { createTestDatabase, TEST_DATABASE_URL, TEST_PGBOUNCER_URL, throughPgBouncer } from './test-db.ts';
export { startTcpProxy } from './tcp-proxy.ts';
export type { TcpProxy, TcpProxyOptions } from './tcp-proxy.ts';
export { startWireCounter } from './wire-counter.ts';
export type { CapturedStatement, WireCounter } from './wire-counter.ts';
export type { TestDatabase, TestDatabaseOptions, Through } from './test-db.ts';
