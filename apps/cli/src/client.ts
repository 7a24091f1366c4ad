import { createTenantryClient } from '@tenantry/client';
import type { TenantryClient } from '@tenantry/client';

import { loadConfig } from './config.ts';

export async function connect(): Promise<TenantryClient> {
  const config = await loadConfig();
  return createTenantryClient({ url: config.url, apiKey: config.apiKey });
}
