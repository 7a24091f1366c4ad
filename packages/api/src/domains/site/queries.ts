// Site lookups other domains may call.
import type { Prisma } from '@tenantry/db';

import { notFound } from '../../errors/catalog.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';

/** A site's own columns: what an INSERT … RETURNING gives back in the same statement. */
export const siteColumns = {
  id: true,
  name: true,
  address: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.SiteSelect;

export const siteSelect = {
  ...siteColumns,
  _count: { select: { buildings: true } },
} satisfies Prisma.SiteSelect;

export async function requireSite(ctx: TenantContext, id: string) {
  const site = await ctx.db.site.findFirst({ where: { id }, select: siteSelect });
  if (!site) throw notFound('Site');
  return site;
}
