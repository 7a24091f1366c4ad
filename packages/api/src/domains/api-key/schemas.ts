import { Role } from '@tenantry/db/enums';
import { z } from 'zod';

import { zListBase, zName } from '../../lib/schemas.ts';

export const ZCreateApiKeyInput = z.strictObject({
  name: zName,
  role: z.enum(Role).default(Role.MEMBER),
  expiresAt: z.iso.datetime({ error: 'must be an ISO date-time' }).nullable().optional(),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZListApiKeysInput = z.strictObject({ cursor: zListBase.cursor, limit: zListBase.limit });
export type TListApiKeysInput = z.infer<typeof ZListApiKeysInput>;
