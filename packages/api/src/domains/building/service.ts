import { AppError } from '../../errors/catalog.ts';
import { compact } from '../../lib/compact.ts';
import { pageArgs, toPage } from '../../lib/pagination.ts';
import type { TById } from '../../lib/schemas.ts';
import { tenantKey } from '../../lib/tenant-context.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';
import { requireSite } from '../site/queries.ts';
import { buildingSelect, requireBuilding } from './queries.ts';
import type { TCreateBuildingInput, TListBuildingsInput, TUpdateBuildingInput } from './schemas.ts';

export async function listBuildings(ctx: TenantContext, input: TListBuildingsInput) {
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
}

export async function createBuilding(ctx: TenantContext, input: TCreateBuildingInput) {
  await requireSite(ctx, input.siteId);
  const building = await ctx.db.building.create({
    data: { tenantId: ctx.tenant.id, siteId: input.siteId, name: input.name, floors: input.floors ?? null },
    select: buildingSelect,
  });
  ctx.audit.describe({ data: { name: building.name, siteId: input.siteId } });
  return building;
}

export async function updateBuilding(ctx: TenantContext, input: TUpdateBuildingInput) {
  const { id, ...changes } = input;
  // No lookup first: a row that is not there (or is another tenant's) fails the update as not found.
  const building = await ctx.db.building.update({
    where: tenantKey(ctx, id),
    data: compact(changes),
    select: buildingSelect,
  });
  ctx.audit.describe({ data: compact(changes) });
  return building;
}

export async function deleteBuilding(ctx: TenantContext, input: TById) {
  const building = await requireBuilding(ctx, input.id);
  if (building._count.assets > 0) {
    throw new AppError(
      'BUILDING_HAS_ASSETS',
      `Delete or move this building's ${building._count.assets} assets first.`,
    );
  }
  await ctx.db.building.delete({ where: tenantKey(ctx, input.id) });
  ctx.audit.describe({ data: { name: building.name } });
  return { id: input.id };
}
