import type { TenantDb } from '@tenantry/db';

import type { Actor } from './actor.ts';

/** What tenantProcedure puts on the context, for helpers that routers call. */
export type TenantContext = Actor & { db: TenantDb };

/** The composite primary key of a row of the caller's tenant. */
export function tenantKey(ctx: TenantContext, id: string) {
  return { tenantId_id: { tenantId: ctx.tenant.id, id } };
}
