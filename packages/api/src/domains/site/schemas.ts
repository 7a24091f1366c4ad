import { z } from 'zod';

import { zId, zListBase, zName, zPage } from '../../lib/schemas.ts';

const zAddress = z.string().trim().max(300, 'is at most 300 characters');

export const ZCreateSiteInput = z.strictObject({ name: zName, address: zAddress.nullable().optional() });
export type TCreateSiteInput = z.infer<typeof ZCreateSiteInput>;

export const ZUpdateSiteInput = z.strictObject({
  id: zId,
  name: zName.optional(),
  address: zAddress.nullable().optional(),
});
export type TUpdateSiteInput = z.infer<typeof ZUpdateSiteInput>;

export const ZListSitesInput = z.strictObject({ ...zListBase });
export type TListSitesInput = z.infer<typeof ZListSitesInput>;

export const ZSiteOutput = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  _count: z.object({ buildings: z.number() }),
});
export type TSiteOutput = z.infer<typeof ZSiteOutput>;
export const ZListSitesOutput = zPage(ZSiteOutput);
