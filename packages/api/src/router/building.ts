import { audit } from '../audit.ts';
import { compact } from '../compact.ts';
import { AppError, notFound } from '../errors.ts';
import { pageArgs, toPage } from '../pagination.ts';
import { ZCreateBuildingInput, ZListBuildingsInput, ZUpdateBuildingInput } from '../schemas/building.ts';
import { zById } from '../schemas/common.ts';
import { buildingSelect } from '../selects.ts';
import { tenantKey } from '../tenant-context.ts';
import type { TenantContext } from '../tenant-context.ts';
import { adminProcedure, router, tenantProcedure } from '../trpc.ts';
import { requireSite } from './site.ts';

export async function requireBuilding(ctx: TenantContext, id: string) {
  const building = await ctx.db.building.findFirst({ where: { id }, select: buildingSelect });
  if (!building) throw notFound('Building');
  return building;
}

export const buildingRouter = router({
  list: tenantProcedure.input(ZListBuildingsInput).query(async ({ ctx, input }) => {
    const { take, orderBy, cursorFilter } = pageArgs(input);
    const rows = await ctx.db.building.findMany({
      where: {
        ...cursorFilter,
        ...(input.siteId ? { siteId: input.siteId } : {}),
        ...(input.search ? { name: { contains: input.search, mode: 'insensitive' } } : {}),
      },
      select: buildingSelect,
      orderBy,
      take,
    });
    return toPage(rows, input.limit);
  }),

  byId: tenantProcedure.input(zById).query(({ ctx, input }) => requireBuilding(ctx, input.id)),

  create: tenantProcedure.input(ZCreateBuildingInput).mutation(async ({ ctx, input }) => {
    await requireSite(ctx, input.siteId);
    const building = await ctx.db.building.create({
      data: { tenantId: ctx.tenant.id, siteId: input.siteId, name: input.name, floors: input.floors ?? null },
      select: buildingSelect,
    });
    await audit(ctx, {
      action: 'building.create',
      targetType: 'building',
      targetId: building.id,
      data: { name: building.name, siteId: input.siteId },
    });
    return building;
  }),

  update: tenantProcedure.input(ZUpdateBuildingInput).mutation(async ({ ctx, input }) => {
    const { id, ...changes } = input;
    await requireBuilding(ctx, id);
    const building = await ctx.db.building.update({
      where: tenantKey(ctx, id),
      data: compact(changes),
      select: buildingSelect,
    });
    await audit(ctx, {
      action: 'building.update',
      targetType: 'building',
      targetId: id,
      data: compact(changes),
    });
    return building;
  }),

  delete: adminProcedure.input(zById).mutation(async ({ ctx, input }) => {
    const building = await requireBuilding(ctx, input.id);
    if (building._count.assets > 0) {
      throw new AppError(
        'CONFLICT',
        `Delete or move this building's ${building._count.assets} assets first.`,
      );
    }
    await ctx.db.building.delete({ where: tenantKey(ctx, input.id) });
    await audit(ctx, {
      action: 'building.delete',
      targetType: 'building',
      targetId: input.id,
      data: { name: building.name },
    });
    return { id: input.id };
  }),
});
