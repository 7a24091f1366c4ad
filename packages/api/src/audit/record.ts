// One writer for audit events. The tenant procedure's audit middleware calls it
// after a mutation succeeds, inside the mutation's transaction; the two sign-up
// mutations, which create the tenant and the actor themselves, call it inside
// their own transaction.
import type { Prisma, TenantDb } from '@tenantry/db';

import { AUDIT_ACTIONS } from './actions.ts';
import type { AuditAction } from './actions.ts';

/** What a service says about the change it made; the action comes from the procedure. */
export interface AuditDetails {
  /** Defaults to the `id` of what the mutation returned. */
  targetId?: string | null;
  data?: Prisma.InputJsonObject;
}

/** Handed to services as `ctx.audit`. */
export interface AuditTrail {
  describe(details: AuditDetails): void;
  /** Nothing changed (e.g. deactivating someone already inactive): no event. */
  skip(): void;
}

export interface AuditEvent extends AuditDetails {
  tenantId: string;
  actorId: string;
  action: AuditAction;
}

export async function recordAudit(db: TenantDb, event: AuditEvent): Promise<void> {
  await db.auditEvent.create({
    data: {
      tenantId: event.tenantId,
      actorId: event.actorId,
      action: event.action,
      targetType: AUDIT_ACTIONS[event.action],
      targetId: event.targetId ?? null,
      data: event.data ?? {},
    },
  });
}

/** A trail for one call, and what it collected. */
export function auditTrail(): { trail: AuditTrail; details: AuditDetails; skipped: () => boolean } {
  const details: AuditDetails = {};
  let skipped = false;
  return {
    trail: {
      describe: (more) => Object.assign(details, more),
      skip: () => {
        skipped = true;
      },
    },
    details,
    skipped: () => skipped,
  };
}
