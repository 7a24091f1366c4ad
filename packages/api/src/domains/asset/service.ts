import type { Prisma } from '@tenantry/db';

import { AppError, notFound } from '../../errors/catalog.ts';
import { compact } from '../../lib/compact.ts';
import { pageArgs, toPage } from '../../lib/pagination.ts';
import type { TById } from '../../lib/schemas.ts';
import { tenantKey } from '../../lib/tenant-context.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';
import { requireBuilding } from '../building/queries.ts';
import { assetSelect, requireAsset } from './queries.ts';
import type {
  TCreateAssetInput,
  TImportAssetsInput,
  TListAssetsInput,
  TUpdateAssetInput,
} from './schemas.ts';

async function assertTagFree(ctx: TenantContext, tag: string, exceptId?: string): Promise<void> {
  const taken = await ctx.db.asset.count({ where: { tag, ...(exceptId ? { NOT: { id: exceptId } } : {}) } });
  if (taken) throw new AppError('ASSET_TAG_TAKEN', `Asset tag ${tag} is already in use.`);
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

/** The columns a create (or an import row) sets, besides the tenant and the tag. */
function assetFields(input: TCreateAssetInput) {
  return {
    buildingId: input.buildingId,
    name: input.name,
    category: input.category,
    status: input.status,
    serialNumber: input.serialNumber ?? null,
    installedAt: toDate(input.installedAt) ?? null,
  };
}

export async function listAssets(ctx: TenantContext, input: TListAssetsInput) {
  const { take, orderBy, cursorFilter } = pageArgs(input);
  const rows = await ctx.db.asset.findMany({
    where: { ...cursorFilter, ...listFilter(input) },
    select: assetSelect,
    orderBy,
    take,
  });
  return toPage(rows, input.limit);
}

/** Counts for the overview: assets in total, by status, by category (top 20) and per site. */
export async function assetStats(ctx: TenantContext) {
  const count = { _count: { _all: true } } as const;
  const [total, statuses, categories, perBuilding] = await Promise.all([
    ctx.db.asset.count(),
    ctx.db.asset.groupBy({ by: ['status'], ...count }),
    ctx.db.asset.groupBy({
      by: ['category'],
      ...count,
      orderBy: { _count: { category: 'desc' } },
      take: 20,
    }),
    ctx.db.asset.groupBy({ by: ['buildingId'], ...count }),
  ]);
  const buildings = await ctx.db.building.findMany({
    where: { id: { in: perBuilding.map((b) => b.buildingId) } },
    select: { id: true, site: { select: { name: true } } },
  });
  const siteOf = new Map(buildings.map((b) => [b.id, b.site.name]));
  const bySite: Record<string, number> = {};
  for (const b of perBuilding) {
    const site = siteOf.get(b.buildingId) ?? '—';
    bySite[site] = (bySite[site] ?? 0) + b._count._all;
  }
  return {
    total,
    byStatus: Object.fromEntries(statuses.map((s) => [s.status, s._count._all])),
    byCategory: Object.fromEntries(categories.map((c) => [c.category, c._count._all])),
    bySite,
  };
}

export async function createAsset(ctx: TenantContext, input: TCreateAssetInput) {
  await requireBuilding(ctx, input.buildingId);
  await assertTagFree(ctx, input.tag);
  const asset = await ctx.db.asset.create({
    data: { tenantId: ctx.tenant.id, tag: input.tag, ...assetFields(input) },
    select: assetSelect,
  });
  ctx.audit.describe({ data: { tag: asset.tag } });
  return asset;
}

export async function updateAsset(ctx: TenantContext, input: TUpdateAssetInput) {
  const { id, installedAt, ...changes } = input;
  await requireAsset(ctx, id);
  if (changes.buildingId) await requireBuilding(ctx, changes.buildingId);
  if (changes.tag) await assertTagFree(ctx, changes.tag, id);
  const asset = await ctx.db.asset.update({
    where: tenantKey(ctx, id),
    data: compact({ ...changes, installedAt: toDate(installedAt) }),
    select: assetSelect,
  });
  ctx.audit.describe({ data: compact({ ...changes, installedAt }) });
  return asset;
}

/**
 * Creates or updates up to 100 assets, matched by tag, in one transaction:
 * re-running the same rows changes nothing. For imports (the CLI).
 */
export async function importAssets(ctx: TenantContext, input: TImportAssetsInput) {
  const tags = input.rows.map((row) => row.tag);
  const duplicate = tags.find((tag, i) => tags.indexOf(tag) !== i);
  if (duplicate) throw new AppError('IMPORT_TAG_REPEATED', `Tag ${duplicate} appears more than once.`);
  const buildingIds = [...new Set(input.rows.map((row) => row.buildingId))];
  const buildings = await ctx.db.building.findMany({
    where: { id: { in: buildingIds } },
    select: { id: true },
  });
  const missing = buildingIds.find((id) => !buildings.some((b) => b.id === id));
  if (missing) throw notFound(`Building ${missing}`);

  const existing = new Map(
    (await ctx.db.asset.findMany({ where: { tag: { in: tags } } })).map((asset) => [asset.tag, asset]),
  );
  const results: { tag: string; outcome: 'created' | 'updated' | 'unchanged' }[] = [];
  const toCreate = [];
  for (const row of input.rows) {
    const fields = assetFields(row);
    const current = existing.get(row.tag);
    if (!current) {
      toCreate.push({ tenantId: ctx.tenant.id, tag: row.tag, ...fields });
      results.push({ tag: row.tag, outcome: 'created' });
      continue;
    }
    const same =
      current.buildingId === fields.buildingId &&
      current.name === fields.name &&
      current.category === fields.category &&
      current.status === fields.status &&
      current.serialNumber === fields.serialNumber &&
      current.installedAt?.getTime() === fields.installedAt?.getTime();
    if (!same) await ctx.db.asset.update({ where: tenantKey(ctx, current.id), data: fields });
    results.push({ tag: row.tag, outcome: same ? 'unchanged' : 'updated' });
  }
  if (toCreate.length) await ctx.db.asset.createMany({ data: toCreate });
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  const summary = { created: count('created'), updated: count('updated'), unchanged: count('unchanged') };
  ctx.audit.describe({ data: summary });
  return { ...summary, results };
}

export async function deleteAsset(ctx: TenantContext, input: TById) {
  const asset = await requireAsset(ctx, input.id);
  await ctx.db.asset.delete({ where: tenantKey(ctx, input.id) });
  ctx.audit.describe({ data: { tag: asset.tag } });
  return { id: input.id };
}
