import type { Prisma } from '@tenantry/db';

import type { TenantContext } from './tenant-context.ts';

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Prisma.InputJsonObject;
}

/** Records a mutation; call it inside the mutation's transaction (ctx.db). */
export async function audit(ctx: TenantContext, event: AuditInput): Promise<void> {
  await ctx.db.auditEvent.create({
    data: {
      tenantId: ctx.tenant.id,
      actorId: ctx.user.id,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId ?? null,
      data: { ...event.data, ...(ctx.apiKey ? { apiKeyId: ctx.apiKey.id } : {}) },
    },
  });
}
