import { adminProcedure, router } from '../../trpc.ts';
import { ZListAuditInput } from './schemas.ts';
import { listAuditEvents } from './service.ts';

export const auditRouter = router({
  list: adminProcedure.input(ZListAuditInput).query(({ ctx, input }) => listAuditEvents(ctx, input)),
});
