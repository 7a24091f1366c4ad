import { AppError } from '../../errors/catalog.ts';
import { compact } from '../../lib/compact.ts';
import { pageArgs, toPage } from '../../lib/pagination.ts';
import type { TById } from '../../lib/schemas.ts';
import { tenantKey } from '../../lib/tenant-context.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';
import { requireSite, siteSelect } from './queries.ts';
import type { TCreateSiteInput, TListSitesInput, TUpdateSiteInput } from './schemas.ts';

export async function listSites(ctx: TenantContext, input: TListSitesInput) {
  const { take, orderBy, cursorFilter } = pageArgs(input);
  const rows = await ctx.db.site.findMany({
    where: {
      ...cursorFilter,
      ...(input.search
        ? {
            OR: [
              { name: { contains: input.search, mode: 'insensitive' } },
              { address: { contains: input.search, mode: 'insensitive' } },
            ],
          }
        : {}),
    },
    select: siteSelect,
    orderBy,
    take,
  });
  return toPage(rows, input.limit);
}

export async function createSite(ctx: TenantContext, input: TCreateSiteInput) {
  const site = await ctx.db.site.create({
    data: { tenantId: ctx.tenant.id, name: input.name, address: input.address ?? null },
    select: siteSelect,
  });
  ctx.audit.describe({ data: { name: site.name } });
  return site;
}

export async function updateSite(ctx: TenantContext, input: TUpdateSiteInput) {
  const { id, ...changes } = input;
  // No lookup first: a row that is not there (or is another tenant's) fails the update as not found.
  const site = await ctx.db.site.update({
    where: tenantKey(ctx, id),
    data: compact(changes),
    select: siteSelect,
  });
  ctx.audit.describe({ data: compact(changes) });
  return site;
}

export async function deleteSite(ctx: TenantContext, input: TById) {
  const site = await requireSite(ctx, input.id);
  if (site._count.buildings > 0) {
    throw new AppError('SITE_HAS_BUILDINGS', `Delete this site's ${site._count.buildings} buildings first.`);
  }
  await ctx.db.site.delete({ where: tenantKey(ctx, input.id) });
  ctx.audit.describe({ data: { name: site.name } });
  return { id: input.id };
}
