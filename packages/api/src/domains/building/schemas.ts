import { z } from 'zod';

import { zId, zListBase, zName, zPage, zRef } from '../../lib/schemas.ts';

const zFloors = z.number().int().min(0).max(300);

export const ZCreateBuildingInput = z.strictObject({
  siteId: zId,
  name: zName,
  floors: zFloors.nullable().optional(),
});
export type TCreateBuildingInput = z.infer<typeof ZCreateBuildingInput>;

export const ZUpdateBuildingInput = z.strictObject({
  id: zId,
  name: zName.optional(),
  floors: zFloors.nullable().optional(),
});
export type TUpdateBuildingInput = z.infer<typeof ZUpdateBuildingInput>;

export const ZListBuildingsInput = z.strictObject({ ...zListBase, siteId: zId.optional() });
export type TListBuildingsInput = z.infer<typeof ZListBuildingsInput>;

export const ZBuildingOutput = z.object({
  id: z.string(),
  siteId: z.string(),
  name: z.string(),
  floors: z.number().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  site: zRef,
  _count: z.object({ assets: z.number() }),
});
export type TBuildingOutput = z.infer<typeof ZBuildingOutput>;
export const ZListBuildingsOutput = zPage(ZBuildingOutput);
