// Test helpers for packages that build on the database (not for runtime use).
export { insertTenant, newTenantRows, TENANT_TABLES } from './fixtures.ts';
export type { TenantRows } from './fixtures.ts';
export { rowCounts, schemaSnapshot } from './schema-snapshot.ts';
export { createTestDatabase, TEST_DATABASE_URL } from './test-db.ts';
export type { TestDatabase, TestDatabaseOptions } from './test-db.ts';
