import { z } from 'zod';

import { zId, zListBase, zName } from '../../lib/schemas.ts';

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
