export { createTenantryClient, MAX_BATCH_ITEMS, MAX_URL_LENGTH } from './client.ts';
export type { TenantryClient, TenantryClientOptions } from './client.ts';
export { TenantryError } from './error.ts';
export type { AppErrorCode, AppRouter } from '@tenantry/api';
export type { RouterInputs, RouterOutputs } from './types.ts';
