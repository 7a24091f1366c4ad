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
import { encodeCursor } from './sort.ts';
import type { TAssetSort } from './sort.ts';
import { ASSET_COUNT_CAP } from './schemas.ts';
import type {
  TCountAssetsInput,
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

function listFilter(input: TCountAssetsInput): Prisma.AssetWhereInput {
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

/** Each sort's column; each has a (tenant_id, column, id) index, or is unique per tenant (the tag). */
const SORT_COLUMN: Record<TAssetSort, Prisma.Sql> = {
  created: Prisma.raw('a.id'),
  name: Prisma.raw('a.name'),
  tag: Prisma.raw('a.tag'),
  status: Prisma.raw('a.status'),
  category: Prisma.raw('a.category'),
  updated: Prisma.raw('a.updated_at'),
};

/** A cursor's key as its column's type. */
function keyParam(sort: TAssetSort, key: string): Prisma.Sql {
  if (sort === 'status') return Prisma.sql`${key}::"AssetStatus"`;
  if (sort === 'updated') return Prisma.sql`${key}::timestamptz`;
  return Prisma.sql`${key}`;
}

/**
 * The site, building, status and category filters, on `table` (assets, or
 * asset_counts: both have building_id, status and category).
 */
function placeAndKind(table: Prisma.Sql, tenantId: string, input: TCountAssetsInput): Prisma.Sql[] {
  return [
    ...(input.buildingId ? [Prisma.sql`${table}.building_id = ${input.buildingId}::uuid`] : []),
    ...(input.siteId
      ? [
          Prisma.sql`${table}.building_id in (select id from buildings
                       where tenant_id = ${tenantId}::uuid and site_id = ${input.siteId}::uuid)`,
        ]
      : []),
    ...(input.status ? [Prisma.sql`${table}.status = ${input.status}::"AssetStatus"`] : []),
    ...(input.category ? [Prisma.sql`${table}.category = ${input.category}`] : []),
  ];
}

/**
 * The conditions asset.list and asset.count share: the tenant, the filters and
 * the search. A search of three or more characters takes its ids from
 * tenantry_search_assets() (migration *_search_and_asset_counts): under
 * row-level security the planner may not use ILIKE (not leakproof) as an
 * index condition, so the app role alone would read every asset of the tenant;
 * the function runs as the schema owner through the trigram indexes, bound to
 * app.tenant_id as the policy is. Each table names the tenant: the
 * tenant-bound client does not rewrite raw SQL.
 */
function filterConditions(ctx: TenantContext, input: TCountAssetsInput): Prisma.Sql[] {
  const tenantId = ctx.tenant.id;
  const pattern = input.search ? containsPattern(input.search) : undefined;
  const search = !pattern
    ? []
    : trigramSearch(input.search)
      ? [Prisma.sql`a.id in (select tenantry_search_assets(${pattern}))`]
      : [Prisma.sql`(a.name ilike ${pattern} or a.tag ilike ${pattern} or a.serial_number ilike ${pattern})`];
  return [
    Prisma.sql`a.tenant_id = ${tenantId}::uuid`,
    ...search,
    ...placeAndKind(Prisma.raw('a'), tenantId, input),
    ...(input.tag ? [Prisma.sql`a.tag = ${input.tag}`] : []),
  ];
}

/**
 * A page in any sort, or of a trigram search, in one reviewed statement: the
 * page's ids are found first, by keyset on (sort key, id) through the
 * (tenant_id, key, id) index, and only the page's rows are read with their
 * building and site. A trigram search gathers its matches first (a
 * MATERIALIZED CTE, so the page's ORDER BY … LIMIT cannot turn it into an
 * ordered walk of the tenant's rows that filters each one): it costs what it
 * matches.
 */
async function sortedAssets(ctx: TenantContext, input: TListAssetsInput) {
  const tenantId = ctx.tenant.id;
  const byId = input.sort === 'created';
  const column = SORT_COLUMN[input.sort];
  const desc = input.order === 'desc';
  const dir = Prisma.raw(desc ? 'desc' : 'asc');
  const past = Prisma.raw(desc ? '<' : '>');
  const { after } = input;
  // The tag is unique per tenant: it needs no id to break ties, and its unique index orders it.
  const keyOnly = byId || input.sort === 'tag';
  const afterCondition = !after
    ? []
    : after.key === null
      ? [Prisma.sql`a.id ${past} ${after.id}::uuid`]
      : keyOnly
        ? [Prisma.sql`${column} ${past} ${keyParam(input.sort, after.key)}`]
        : [Prisma.sql`(${column}, a.id) ${past} (${keyParam(input.sort, after.key)}, ${after.id}::uuid)`];
  const conditions = Prisma.join([...filterConditions(ctx, input), ...afterCondition], ' and ');
  const order = (key: Prisma.Sql, id: Prisma.Sql) =>
    keyOnly ? Prisma.sql`${key} ${dir}` : Prisma.sql`${key} ${dir}, ${id} ${dir}`;
  const orderBy = order(column, Prisma.raw('a.id'));
  const page = trigramSearch(input.search)
    ? Prisma.sql`hits as materialized (
        select a.id, ${column} as k from assets a where ${conditions}
      ), page as (
        select id from hits order by ${order(Prisma.raw('k'), Prisma.raw('id'))}
         limit ${input.limit + 1}
      )`
    : Prisma.sql`page as (
        select a.id from assets a where ${conditions} order by ${orderBy} limit ${input.limit + 1}
      )`;
  const rows = await ctx.db.$queryRaw<AssetRow[]>`
    with ${page}
    select a.id, a.building_id as "buildingId", a.tag, a.name, a.category, a.status::text as status,
           a.serial_number as "serialNumber", a.installed_at as "installedAt",
           a.created_at as "createdAt", a.updated_at as "updatedAt",
           json_build_object('id', b.id, 'name', b.name,
                             'site', json_build_object('id', s.id, 'name', s.name)) as building
      from page
      join assets a on a.tenant_id = ${tenantId}::uuid and a.id = page.id
      join buildings b on b.tenant_id = ${tenantId}::uuid and b.id = a.building_id
      join sites s on s.tenant_id = ${tenantId}::uuid and s.id = b.site_id
     order by ${orderBy}`;
  const items = rows.slice(0, input.limit).map((row) => ({
    ...row,
    installedAt: typeof row.installedAt === 'string' ? new Date(row.installedAt) : row.installedAt,
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > input.limit && last ? encodeCursor(input.sort, last) : null,
  };
}

export async function listAssets(ctx: TenantContext, input: TListAssetsInput) {
  const newestFirst = input.sort === 'created' && input.order === 'desc';
  if (!newestFirst || trigramSearch(input.search)) return sortedAssets(ctx, input);
  // Newest first without a trigram search: through the tenant-bound client.
  const { take, orderBy, cursorFilter } = pageArgs({ cursor: input.after?.id, limit: input.limit });
  const rows = await ctx.db.asset.findMany({
    where: { ...cursorFilter, ...listFilter(input) },
    select: assetSelect,
    orderBy,
    take,
  });
  return toPage(rows, input.limit);
}

/**
 * How many assets have a status, category, building and site, summed from
 * asset_counts (kept by triggers in the same transaction as every change), so
 * exact at any size for the cost of the tenant's few (building, status,
 * category) rows.
 */
async function countFromAssetCounts(ctx: TenantContext, input: TCountAssetsInput) {
  const tenantId = ctx.tenant.id;
  const conditions = [
    Prisma.sql`c.tenant_id = ${tenantId}::uuid`,
    ...placeAndKind(Prisma.raw('c'), tenantId, input),
  ];
  const rows = await ctx.db.$queryRaw<{ n: number }[]>`
    select coalesce(sum(c.count), 0)::int as n from asset_counts c where ${Prisma.join(conditions, ' and ')}`;
  return { count: rows[0]?.n ?? 0, capped: false };
}

/**
 * How many assets match the filters and the search. Without a search or a
 * tag, exact from asset_counts. With one, exactly up to ASSET_COUNT_CAP, in
 * one statement that stops counting past the cap, through the same indexes as
 * the list (and the trigram search). A call of its own, so that "Load more"
 * never counts again.
 */
export async function countAssets(ctx: TenantContext, input: TCountAssetsInput) {
  if (!input.search && !input.tag) return countFromAssetCounts(ctx, input);
  const rows = await ctx.db.$queryRaw<{ n: number }[]>`
    select count(*)::int as n from (
      select 1 from assets a where ${Prisma.join(filterConditions(ctx, input), ' and ')}
       limit ${ASSET_COUNT_CAP + 1}
    ) matches`;
  const n = rows[0]?.n ?? 0;
  return { count: Math.min(n, ASSET_COUNT_CAP), capped: n > ASSET_COUNT_CAP };
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
