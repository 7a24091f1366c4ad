import { Prisma } from '@tenantry/db';
import { v7 as uuidv7 } from 'uuid';

import { AppError } from '../../errors/catalog.ts';
import { constraintOf } from '../../errors/translate.ts';
import { compact } from '../../lib/compact.ts';
import { pageArgs, toPage } from '../../lib/pagination.ts';
import { containsPattern, trigramSearch } from '../../lib/search.ts';
import type { TById } from '../../lib/schemas.ts';
import { tenantKey } from '../../lib/tenant-context.ts';
import type { TenantContext } from '../../lib/tenant-context.ts';
import { addImportBatch } from './import-batch.ts';
import { assetSelect } from './queries.ts';
import type {
  TCreateAssetInput,
  TImportAssetsInput,
  TListAssetsInput,
  TUpdateAssetInput,
} from './schemas.ts';

/**
 * Writes check no tag first: the unique index refuses a taken one, and this
 * says which tag (a catch on the write; the transaction is over either way).
 */
function tagTaken(tag: string | undefined) {
  return (error: unknown): never => {
    if (tag && constraintOf(error) === 'assets_tenant_id_tag_key') {
      throw new AppError('ASSET_TAG_TAKEN', `Asset tag ${tag} is already in use.`);
    }
    throw error;
  };
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

interface AssetRow {
  id: string;
  buildingId: string;
  tag: string;
  name: string;
  category: string;
  status: TAssetRowStatus;
  serialNumber: string | null;
  installedAt: Date | string | null;
  createdAt: Date;
  updatedAt: Date;
  building: { id: string; name: string; site: { id: string; name: string } };
}
type TAssetRowStatus = Prisma.AssetGetPayload<{ select: { status: true } }>['status'];

/**
 * A search of three or more characters, in one reviewed statement. Under
 * row-level security the planner may not use ILIKE (not leakproof) as an index
 * condition, so the app role alone would read every asset of the tenant and
 * filter it; the matching ids come instead from tenantry_search_assets()
 * (migration *_search_and_asset_counts), which runs as the schema owner
 * through the trigram indexes, bound to app.tenant_id as the policy is. They
 * are gathered first (a MATERIALIZED CTE, so the page's ORDER BY … LIMIT cannot
 * turn the search into a newest-first walk of the tenant's rows), filtered,
 * sorted and cut to the page, and only the page's rows are read, under RLS. A
 * search costs what it matches. Each table names the tenant: the tenant-bound
 * client does not rewrite raw SQL.
 */
async function searchAssets(ctx: TenantContext, input: TListAssetsInput, search: string) {
  const tenantId = ctx.tenant.id;
  const pattern = containsPattern(search);
  const conditions = [
    Prisma.sql`a.tenant_id = ${tenantId}::uuid`,
    Prisma.sql`a.id in (select tenantry_search_assets(${pattern}))`,
    ...(input.cursor ? [Prisma.sql`a.id < ${input.cursor}::uuid`] : []),
    ...(input.buildingId ? [Prisma.sql`a.building_id = ${input.buildingId}::uuid`] : []),
    ...(input.siteId
      ? [
          Prisma.sql`a.building_id in (select id from buildings
                       where tenant_id = ${tenantId}::uuid and site_id = ${input.siteId}::uuid)`,
        ]
      : []),
    ...(input.status ? [Prisma.sql`a.status = ${input.status}::"AssetStatus"`] : []),
    ...(input.category ? [Prisma.sql`a.category = ${input.category}`] : []),
    ...(input.tag ? [Prisma.sql`a.tag = ${input.tag}`] : []),
  ];
  const rows = await ctx.db.$queryRaw<AssetRow[]>`
    with hits as materialized (
      select a.id from assets a where ${Prisma.join(conditions, ' and ')}
    ), page as (
      select id from hits order by id desc limit ${input.limit + 1}
    )
    select a.id, a.building_id as "buildingId", a.tag, a.name, a.category, a.status::text as status,
           a.serial_number as "serialNumber", a.installed_at as "installedAt",
           a.created_at as "createdAt", a.updated_at as "updatedAt",
           json_build_object('id', b.id, 'name', b.name,
                             'site', json_build_object('id', s.id, 'name', s.name)) as building
      from page
      join assets a on a.tenant_id = ${tenantId}::uuid and a.id = page.id
      join buildings b on b.tenant_id = ${tenantId}::uuid and b.id = a.building_id
      join sites s on s.tenant_id = ${tenantId}::uuid and s.id = b.site_id
     order by a.id desc`;
  const items = rows.map((row) => ({
    ...row,
    installedAt: typeof row.installedAt === 'string' ? new Date(row.installedAt) : row.installedAt,
  }));
  return toPage(items, input.limit);
}

export async function listAssets(ctx: TenantContext, input: TListAssetsInput) {
  const search = trigramSearch(input.search);
  if (search) return searchAssets(ctx, input, search);
  const { take, orderBy, cursorFilter } = pageArgs(input);
  const rows = await ctx.db.asset.findMany({
    where: { ...cursorFilter, ...listFilter(input) },
    select: assetSelect,
    orderBy,
    take,
  });
  return toPage(rows, input.limit);
}

/**
 * Counts for the overview: assets in total, by status, by category (top 20)
 * and per site. Read from asset_counts, which triggers on assets keep in the
 * same transaction as every change (migration *_search_and_asset_counts), so
 * the cost follows how many (building, status, category) combinations the
 * tenant uses, not how many assets it holds. One reviewed raw statement (a
 * CTE read once, three groupings): the tenant-bound client does not rewrite
 * raw SQL, so each table names the tenant itself, and row-level security
 * binds it as it binds every query.
 */
export async function assetStats(ctx: TenantContext) {
  const tenantId = ctx.tenant.id;
  const rows = await ctx.db.$queryRaw<
    { dimension: 'status' | 'category' | 'site'; key: string; n: number }[]
  >`
    with counts as (
      select building_id, status::text as status, category, count
        from asset_counts
       where tenant_id = ${tenantId}::uuid and count > 0
    )
    select 'status' as dimension, status as key, sum(count)::int as n from counts group by status
    union all
    (select 'category', category, sum(count)::int from counts group by category order by 3 desc, 2 limit 20)
    union all
    select 'site', s.name, sum(c.count)::int
      from counts c
      join buildings b on b.tenant_id = ${tenantId}::uuid and b.id = c.building_id
      join sites s on s.tenant_id = ${tenantId}::uuid and s.id = b.site_id
     group by s.id, s.name`;
  const of = (dimension: string) =>
    Object.fromEntries(rows.filter((r) => r.dimension === dimension).map((r) => [r.key, r.n]));
  const byStatus = of('status');
  return {
    total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
    byStatus,
    byCategory: of('category'),
    bySite: of('site'),
  };
}

// Six round trips: Prisma reads the new row's building and site back in a
// second statement (RETURNING cannot join). Nothing is looked up first: the
// building's foreign key answers "Building not found" (errors/translate.ts).
export async function createAsset(ctx: TenantContext, input: TCreateAssetInput) {
  const asset = await ctx.db.asset
    .create({
      data: { tenantId: ctx.tenant.id, tag: input.tag, ...assetFields(input) },
      select: assetSelect,
    })
    .catch(tagTaken(input.tag));
  ctx.audit.describe({ data: { label: asset.name, tag: asset.tag } });
  return asset;
}

// Six round trips, as createAsset. A missing asset fails the update as not
// found, a missing building its foreign key, a taken tag its unique index.
export async function updateAsset(ctx: TenantContext, input: TUpdateAssetInput) {
  const { id, installedAt, ...changes } = input;
  const asset = await ctx.db.asset
    .update({
      where: tenantKey(ctx, id),
      data: compact({ ...changes, installedAt: toDate(installedAt) }),
      select: assetSelect,
    })
    .catch(tagTaken(changes.tag));
  ctx.audit.describe({ data: { label: asset.name, ...compact({ ...changes, installedAt }) } });
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
  // The buildings are not looked up: their foreign key refuses a missing one.

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
  // A call without an importId is an import of its own.
  const importId = input.importId ?? uuidv7();
  const { started } = await addImportBatch(ctx, importId, summary);
  if (started) ctx.audit.describe({ importId });
  else ctx.audit.skip();
  return { ...summary, results };
}

export async function deleteAsset(ctx: TenantContext, input: TById) {
  const asset = await ctx.db.asset.delete({
    where: tenantKey(ctx, input.id),
    select: { tag: true, name: true },
  });
  ctx.audit.describe({ data: { label: asset.name, tag: asset.tag } });
  return { id: input.id };
}
