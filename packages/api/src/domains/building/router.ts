import { zById } from '../../lib/schemas.ts';
import { adminProcedure, router, tenantProcedure } from '../../trpc.ts';
import { requireBuilding } from './queries.ts';
import {
  ZBuildingOutput,
  ZCreateBuildingInput,
  ZListBuildingsInput,
  ZListBuildingsOutput,
  ZUpdateBuildingInput,
} from './schemas.ts';
import { createBuilding, deleteBuilding, listBuildings, updateBuilding } from './service.ts';

export const buildingRouter = router({
  list: tenantProcedure
    .input(ZListBuildingsInput)
    .output(ZListBuildingsOutput)
    .query(({ ctx, input }) => listBuildings(ctx, input)),
  byId: tenantProcedure
    .input(zById)
    .output(ZBuildingOutput)
    .query(({ ctx, input }) => requireBuilding(ctx, input.id)),
  create: tenantProcedure
    .meta({ audit: 'building.create' })
    .input(ZCreateBuildingInput)
    .output(ZBuildingOutput)
    .mutation(({ ctx, input }) => createBuilding(ctx, input)),
  update: tenantProcedure
    .meta({ audit: 'building.update' })
    .input(ZUpdateBuildingInput)
    .output(ZBuildingOutput)
    .mutation(({ ctx, input }) => updateBuilding(ctx, input)),
  delete: adminProcedure
    .meta({ audit: 'building.delete' })
    .input(zById)
    .mutation(({ ctx, input }) => deleteBuilding(ctx, input)),
});
