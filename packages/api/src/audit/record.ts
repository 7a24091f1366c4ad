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
  /** The asset import this event stands for: its counts are joined from asset_imports. */
  importId?: string;
  /** Facts that describe the event after its target is gone; `label` names the target. */
  data?: Prisma.InputJsonObject;
}

/** Handed to services as `ctx.audit`. */
export interface AuditTrail {
  describe(details: AuditDetails): void;
  /**
   * No event: nothing changed (e.g. deactivating someone already inactive), or
   * the change belongs to an event already written (a later batch of an import).
   */
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
      importId: event.importId ?? null,
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
