import type { Prisma } from '@tenantry/db';

import { audit } from '../audit.ts';
import { compact } from '../compact.ts';
import { AppError, notFound } from '../errors.ts';
import { pageArgs, toPage } from '../pagination.ts';
import { ZCreateAssetInput, ZListAssetsInput, ZUpdateAssetInput } from '../schemas/asset.ts';
import type { TListAssetsInput } from '../schemas/asset.ts';
import { zById } from '../schemas/common.ts';
import { assetSelect } from '../selects.ts';
import type { TenantContext } from '../tenant-context.ts';
import { adminProcedure, router, tenantProcedure } from '../trpc.ts';
import { requireBuilding } from './building.ts';

async function requireAsset(ctx: TenantContext, id: string) {
  const asset = await ctx.db.asset.findFirst({ where: { id }, select: assetSelect });
  if (!asset) throw notFound('Asset');
  return asset;
}

async function assertTagFree(ctx: TenantContext, tag: string, exceptId?: string): Promise<void> {
  const taken = await ctx.db.asset.count({ where: { tag, ...(exceptId ? { NOT: { id: exceptId } } : {}) } });
  if (taken) throw new AppError('CONFLICT', `Asset tag ${tag} is already in use.`);
}

function listFilter(input: TListAssetsInput): Prisma.AssetWhereInput {
  return {
    ...(input.buildingId ? { buildingId: input.buildingId } : {}),
    ...(input.siteId ? { building: { siteId: input.siteId } } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.category ? { category: input.category } : {}),
    ...(input.tag ? { tag: input.tag } : {}),
    ...(input.search
      ? {
          OR: [
            { name: { contains: input.search, mode: 'insensitive' } },
            { tag: { contains: input.search, mode: 'insensitive' } },
            { serialNumber: { contains: input.search, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
}

const toDate = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value);

const key = (ctx: TenantContext, id: string) => ({ tenantId_id: { tenantId: ctx.tenant.id, id } });

export const assetRouter = router({
  list: tenantProcedure.input(ZListAssetsInput).query(async ({ ctx, input }) => {
    const { take, orderBy, cursorFilter } = pageArgs(input);
    const rows = await ctx.db.asset.findMany({
      where: { ...cursorFilter, ...listFilter(input) },
      select: assetSelect,
      orderBy,
      take,
    });
    return toPage(rows, input.limit);
  }),

  byId: tenantProcedure.input(zById).query(({ ctx, input }) => requireAsset(ctx, input.id)),

  create: tenantProcedure.input(ZCreateAssetInput).mutation(async ({ ctx, input }) => {
    await requireBuilding(ctx, input.buildingId);
    await assertTagFree(ctx, input.tag);
    const asset = await ctx.db.asset.create({
      data: {
        tenantId: ctx.tenant.id,
        buildingId: input.buildingId,
        tag: input.tag,
        name: input.name,
        category: input.category,
        status: input.status,
        serialNumber: input.serialNumber ?? null,
        installedAt: toDate(input.installedAt) ?? null,
      },
      select: assetSelect,
    });
    await audit(ctx, {
      action: 'asset.create',
      targetType: 'asset',
      targetId: asset.id,
      data: { tag: asset.tag },
    });
    return asset;
  }),

  update: tenantProcedure.input(ZUpdateAssetInput).mutation(async ({ ctx, input }) => {
    const { id, installedAt, ...changes } = input;
    await requireAsset(ctx, id);
    if (changes.buildingId) await requireBuilding(ctx, changes.buildingId);
    if (changes.tag) await assertTagFree(ctx, changes.tag, id);
    const asset = await ctx.db.asset.update({
      where: key(ctx, id),
      data: compact({ ...changes, installedAt: toDate(installedAt) }),
      select: assetSelect,
    });
    await audit(ctx, {
      action: 'asset.update',
      targetType: 'asset',
      targetId: id,
      data: compact({ ...changes, installedAt }),
    });
    return asset;
  }),

  delete: adminProcedure.input(zById).mutation(async ({ ctx, input }) => {
    const asset = await requireAsset(ctx, input.id);
    await ctx.db.asset.delete({ where: key(ctx, input.id) });
    await audit(ctx, {
      action: 'asset.delete',
      targetType: 'asset',
      targetId: input.id,
      data: { tag: asset.tag },
    });
    return { id: input.id };
  }),
});
