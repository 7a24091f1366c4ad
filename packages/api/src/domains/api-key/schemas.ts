import { Role } from '@tenantry/db/enums';
import { z } from 'zod';

import { zName, zPaging, zPage, zRef } from '../../lib/schemas.ts';

export const ZCreateApiKeyInput = z.strictObject({
  name: zName,
  role: z.enum(Role).default(Role.MEMBER),
  expiresAt: z.iso.datetime({ error: 'must be an ISO date-time' }).nullable().optional(),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZListApiKeysInput = z.strictObject({ ...zPaging });
export type TListApiKeysInput = z.infer<typeof ZListApiKeysInput>;

export const ZApiKeyOutput = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(Role),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
  createdBy: zRef,
});
export type TApiKeyOutput = z.infer<typeof ZApiKeyOutput>;
export const ZListApiKeysOutput = zPage(ZApiKeyOutput);

export const ZCreateApiKeyOutput = z.object({
  apiKey: ZApiKeyOutput,
  /** Shown once; only its hash is kept. */
  secret: z.string(),
});
