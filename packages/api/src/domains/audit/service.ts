import { pageArgs, toPage } from '../../lib/pagination.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';
import { auditEventSelect } from './queries.ts';
import type { TListAuditInput } from './schemas.ts';

export async function listAuditEvents(ctx: TenantContext, input: TListAuditInput) {
  const { take, orderBy, cursorFilter } = pageArgs(input);
  const rows = await ctx.db.auditEvent.findMany({
    where: {
      ...cursorFilter,
      ...(input.action ? { action: { startsWith: input.action } } : {}),
      ...(input.targetType ? { targetType: input.targetType } : {}),
      ...(input.actorId ? { actorId: input.actorId } : {}),
    },
    select: auditEventSelect,
    orderBy,
    take,
  });
  return toPage(rows, input.limit);
}
