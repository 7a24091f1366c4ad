import { audit } from '../audit.ts';
import { compact } from '../compact.ts';
import { AppError, notFound } from '../errors.ts';
import { pageArgs, toPage } from '../pagination.ts';
import { zById } from '../schemas/common.ts';
import { ZCreateSiteInput, ZListSitesInput, ZUpdateSiteInput } from '../schemas/site.ts';
import { siteSelect } from '../selects.ts';
import { tenantKey } from '../tenant-context.ts';
import type { TenantContext } from '../tenant-context.ts';
import { adminProcedure, router, tenantProcedure } from '../trpc.ts';

export async function requireSite(ctx: TenantContext, id: string) {
  const site = await ctx.db.site.findFirst({ where: { id }, select: siteSelect });
  if (!site) throw notFound('Site');
  return site;
}

export const siteRouter = router({
  list: tenantProcedure.input(ZListSitesInput).query(async ({ ctx, input }) => {
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
  }),

  byId: tenantProcedure.input(zById).query(({ ctx, input }) => requireSite(ctx, input.id)),

  create: tenantProcedure.input(ZCreateSiteInput).mutation(async ({ ctx, input }) => {
    const site = await ctx.db.site.create({
      data: { tenantId: ctx.tenant.id, name: input.name, address: input.address ?? null },
      select: siteSelect,
    });
    await audit(ctx, {
      action: 'site.create',
      targetType: 'site',
      targetId: site.id,
      data: { name: site.name },
    });
    return site;
  }),

  update: tenantProcedure.input(ZUpdateSiteInput).mutation(async ({ ctx, input }) => {
    const { id, ...changes } = input;
    await requireSite(ctx, id);
    const site = await ctx.db.site.update({
      where: tenantKey(ctx, id),
      data: compact(changes),
      select: siteSelect,
    });
    await audit(ctx, { action: 'site.update', targetType: 'site', targetId: id, data: compact(changes) });
    return site;
  }),

  delete: adminProcedure.input(zById).mutation(async ({ ctx, input }) => {
    const site = await requireSite(ctx, input.id);
    if (site._count.buildings > 0) {
      throw new AppError('CONFLICT', `Delete this site's ${site._count.buildings} buildings first.`);
    }
    await ctx.db.site.delete({ where: tenantKey(ctx, input.id) });
    await audit(ctx, {
      action: 'site.delete',
      targetType: 'site',
      targetId: input.id,
      data: { name: site.name },
    });
    return { id: input.id };
  }),
});
