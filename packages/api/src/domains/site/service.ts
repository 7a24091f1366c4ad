import { Prisma } from '@tenantry/db';

import { compact } from '../../lib/compact.ts';
import { pageArgs, toPage } from '../../lib/pagination.ts';
import { containsPattern, trigramSearch } from '../../lib/search.ts';
import type { TById } from '../../lib/schemas.ts';
import { tenantKey } from '../../lib/tenant-context.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';
import { siteColumns, siteSelect } from './queries.ts';
import type { TCreateSiteInput, TListSitesInput, TUpdateSiteInput } from './schemas.ts';

interface SiteRow {
  id: string;
  name: string;
  address: string | null;
  createdAt: Date;
  updatedAt: Date;
  _count: { buildings: number };
}

/**
 * A search of three or more characters, in one reviewed statement: the ids
 * from tenantry_search_sites() (trigram indexes, as the owner, bound to
 * app.tenant_id), then the page's rows under RLS. See lib/search.ts.
 */
async function searchSites(ctx: TenantContext, input: TListSitesInput, search: string) {
  const tenantId = ctx.tenant.id;
  const cursor = input.cursor ? Prisma.sql`and s.id < ${input.cursor}::uuid` : Prisma.empty;
  const rows = await ctx.db.$queryRaw<SiteRow[]>`
    with hits as materialized (
      select s.id from sites s
       where s.tenant_id = ${tenantId}::uuid
         and s.id in (select tenantry_search_sites(${containsPattern(search)})) ${cursor}
    ), page as (
      select id from hits order by id desc limit ${input.limit + 1}
    )
    select s.id, s.name, s.address, s.created_at as "createdAt", s.updated_at as "updatedAt",
           json_build_object('buildings', (select count(*) from buildings b
                                             where b.tenant_id = ${tenantId}::uuid and b.site_id = s.id)) as "_count"
      from page
      join sites s on s.tenant_id = ${tenantId}::uuid and s.id = page.id
     order by s.id desc`;
  return toPage(rows, input.limit);
}

export async function listSites(ctx: TenantContext, input: TListSitesInput) {
  const search = trigramSearch(input.search);
  if (search) return searchSites(ctx, input, search);
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
    select: siteColumns,
  });
  // A new site has no buildings: counting them would cost a second statement.
  ctx.audit.describe({ data: { name: site.name } });
  return { ...site, _count: { buildings: 0 } };
}

// Six round trips: Prisma reads the updated row's building count back in a
// second statement (RETURNING cannot join).
export async function updateSite(ctx: TenantContext, input: TUpdateSiteInput) {
  const { id, ...changes } = input;
  // No lookup first: a row that is not there (or is another tenant's) fails the update as not found.
  const site = await ctx.db.site.update({
    where: tenantKey(ctx, id),
    data: compact(changes),
    select: siteSelect,
  });
  ctx.audit.describe({ data: { label: site.name, ...compact(changes) } });
  return site;
}

export async function deleteSite(ctx: TenantContext, input: TById) {
  // No lookup first: a missing site is not found, and the buildings' foreign
  // key refuses a site still in use (SITE_HAS_BUILDINGS, errors/translate.ts).
  const site = await ctx.db.site.delete({ where: tenantKey(ctx, input.id), select: { name: true } });
  ctx.audit.describe({ data: { name: site.name } });
  return { id: input.id };
}
