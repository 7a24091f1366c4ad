import { z } from 'zod';

import { zId, zPaging, zText } from '../../lib/schemas.ts';

export const ZListAuditInput = z.strictObject({
  ...zPaging,
  action: zText({ max: 80 }).optional(),
  targetType: zText({ max: 40 }).optional(),
  actorId: zId.optional(),
});
export type TListAuditInput = z.infer<typeof ZListAuditInput>;

// The audited actions, for clients that describe events (the dashboard's sentences).
export { AUDIT_ACTIONS } from '../../audit/actions.ts';
export type { AuditAction } from '../../audit/actions.ts';
