import { pageArgs, toPage } from '../pagination.ts';
import { ZListAuditInput } from '../schemas/audit.ts';
import { auditEventSelect } from '../selects.ts';
import { adminProcedure, router } from '../trpc.ts';

export const auditRouter = router({
  list: adminProcedure.input(ZListAuditInput).query(async ({ ctx, input }) => {
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
  }),
});
