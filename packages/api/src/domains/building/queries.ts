// Building lookups other domains may call.
import type { Prisma } from '@tenantry/db';

import { notFound } from '../../errors/catalog.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';

export const buildingSelect = {
  id: true,
  siteId: true,
  name: true,
  floors: true,
  createdAt: true,
  updatedAt: true,
  site: { select: { id: true, name: true } },
  _count: { select: { assets: true } },
} satisfies Prisma.BuildingSelect;

export async function requireBuilding(ctx: TenantContext, id: string) {
  const building = await ctx.db.building.findFirst({ where: { id }, select: buildingSelect });
  if (!building) throw notFound('Building');
  return building;
}
