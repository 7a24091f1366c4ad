import { Prisma } from '@tenantry/db';

import { compact } from '../../lib/compact.ts';
import { pageArgs, toPage } from '../../lib/pagination.ts';
import { containsPattern, trigramSearch } from '../../lib/search.ts';
import type { TById } from '../../lib/schemas.ts';
import { tenantKey } from '../../lib/tenant-context.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';
import { buildingSelect } from './queries.ts';
import type { TCreateBuildingInput, TListBuildingsInput, TUpdateBuildingInput } from './schemas.ts';

interface BuildingRow {
  id: string;
  siteId: string;
  name: string;
  floors: number | null;
  createdAt: Date;
  updatedAt: Date;
  site: { id: string; name: string };
  _count: { assets: number };
}

/**
 * A search of three or more characters, in one reviewed statement: the ids
 * from tenantry_search_buildings() (trigram index, as the owner, bound to
 * app.tenant_id), then the page's rows under RLS. See lib/search.ts.
 */
async function searchBuildings(ctx: TenantContext, input: TListBuildingsInput, search: string) {
  const tenantId = ctx.tenant.id;
  const cursor = input.cursor ? Prisma.sql`and b.id < ${input.cursor}::uuid` : Prisma.empty;
  const site = input.siteId ? Prisma.sql`and b.site_id = ${input.siteId}::uuid` : Prisma.empty;
  const rows = await ctx.db.$queryRaw<BuildingRow[]>`
    with hits as materialized (
      select b.id from buildings b
       where b.tenant_id = ${tenantId}::uuid
         and b.id in (select tenantry_search_buildings(${containsPattern(search)})) ${cursor} ${site}
    ), page as (
      select id from hits order by id desc limit ${input.limit + 1}
    )
    select b.id, b.site_id as "siteId", b.name, b.floors, b.created_at as "createdAt", b.updated_at as "updatedAt",
           json_build_object('id', s.id, 'name', s.name) as site,
           json_build_object('assets', (select count(*) from assets a
                                          where a.tenant_id = ${tenantId}::uuid and a.building_id = b.id)) as "_count"
      from page
      join buildings b on b.tenant_id = ${tenantId}::uuid and b.id = page.id
      join sites s on s.tenant_id = ${tenantId}::uuid and s.id = b.site_id
     order by b.id desc`;
  return toPage(rows, input.limit);
}

export async function listBuildings(ctx: TenantContext, input: TListBuildingsInput) {
  const search = trigramSearch(input.search);
  if (search) return searchBuildings(ctx, input, search);
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

// Six round trips: Prisma reads the new row's site back in a second statement
// (RETURNING cannot join). No lookup first: the site's foreign key answers
// "Site not found" (errors/translate.ts).
export async function createBuilding(ctx: TenantContext, input: TCreateBuildingInput) {
  const building = await ctx.db.building.create({
    data: { tenantId: ctx.tenant.id, siteId: input.siteId, name: input.name, floors: input.floors ?? null },
    select: buildingSelect,
  });
  ctx.audit.describe({ data: { name: building.name, siteId: input.siteId } });
  return building;
}

// Six round trips: Prisma reads the updated row's site and asset count back in
// a second statement (RETURNING cannot join).
export async function updateBuilding(ctx: TenantContext, input: TUpdateBuildingInput) {
  const { id, ...changes } = input;
  // No lookup first: a row that is not there (or is another tenant's) fails the update as not found.
  const building = await ctx.db.building.update({
    where: tenantKey(ctx, id),
    data: compact(changes),
    select: buildingSelect,
  });
  ctx.audit.describe({ data: { label: building.name, ...compact(changes) } });
  return building;
}

export async function deleteBuilding(ctx: TenantContext, input: TById) {
  // No lookup first: a missing building is not found, and the assets' foreign
  // key refuses a building still in use (BUILDING_HAS_ASSETS, errors/translate.ts).
  const building = await ctx.db.building.delete({ where: tenantKey(ctx, input.id), select: { name: true } });
  ctx.audit.describe({ data: { name: building.name } });
  return { id: input.id };
}
