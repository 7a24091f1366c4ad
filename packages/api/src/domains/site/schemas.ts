import { z } from 'zod';

import { zId, zListBase, zName, zPage, zText } from '../../lib/schemas.ts';

/** A postal address may span lines (API clients send them so); the dashboard's field is one line. */
const zAddress = zText({ max: 300, multiline: true });

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
