import type { TenantDb } from '@tenantry/db';

import type { Actor } from './actor.ts';

/** What tenantProcedure puts on the context, for helpers that routers call. */
export type TenantContext = Actor & { db: TenantDb };
