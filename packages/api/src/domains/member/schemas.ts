import { z } from 'zod';

import { zAssignableRole, zId } from '../../lib/schemas.ts';

export const ZUpdateRoleInput = z.strictObject({ userId: zId, role: zAssignableRole });
export type TUpdateRoleInput = z.infer<typeof ZUpdateRoleInput>;

export const ZMemberInput = z.strictObject({ userId: zId });
export type TMemberInput = z.infer<typeof ZMemberInput>;
