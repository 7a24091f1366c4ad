// Asset lookups other domains may call.
import type { Prisma } from '@tenantry/db';

import { notFound } from '../../errors/catalog.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';

export const assetSelect = {
  id: true,
  buildingId: true,
  tag: true,
  name: true,
  category: true,
  status: true,
  serialNumber: true,
  installedAt: true,
  createdAt: true,
  updatedAt: true,
  building: { select: { id: true, name: true, site: { select: { id: true, name: true } } } },
} satisfies Prisma.AssetSelect;

export async function requireAsset(ctx: TenantContext, id: string) {
  const asset = await ctx.db.asset.findFirst({ where: { id }, select: assetSelect });
  if (!asset) throw notFound('Asset');
  return asset;
}
