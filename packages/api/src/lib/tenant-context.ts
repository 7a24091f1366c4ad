import type { TenantDb } from '@tenantry/db';

import type { Actor } from '../actor.ts';
import type { AuditTrail } from '../audit/record.ts';

/**
 * What tenantProcedure hands to services: who is acting, the tenant-bound
 * database (one transaction per call) and the call's audit trail.
 */
export type TenantContext = Actor & { db: TenantDb; audit: AuditTrail };

/** The composite primary key of a row of the caller's tenant. */
export function tenantKey(ctx: TenantContext, id: string) {
  return { tenantId_id: { tenantId: ctx.tenant.id, id } };
}
