import { Role } from '@tenantry/db/enums';
import { z } from 'zod';

import { zAssignableRole, zId } from '../../lib/schemas.ts';

export const ZUpdateRoleInput = z.strictObject({ userId: zId, role: zAssignableRole });
export type TUpdateRoleInput = z.infer<typeof ZUpdateRoleInput>;

export const ZMemberInput = z.strictObject({ userId: zId });
export type TMemberInput = z.infer<typeof ZMemberInput>;

export const ZMemberOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(Role),
  isActive: z.boolean(),
  joinedAt: z.date(),
  deactivatedAt: z.date().nullable(),
});
export type TMemberOutput = z.infer<typeof ZMemberOutput>;
