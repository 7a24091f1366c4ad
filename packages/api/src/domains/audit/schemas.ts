import { z } from 'zod';

import { zId, zPaging } from '../../lib/schemas.ts';

export const ZListAuditInput = z.strictObject({
  ...zPaging,
  action: z.string().trim().max(80).optional(),
  targetType: z.string().trim().max(40).optional(),
  actorId: zId.optional(),
});
export type TListAuditInput = z.infer<typeof ZListAuditInput>;
