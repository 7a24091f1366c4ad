import { AssetStatus } from '@tenantry/db/enums';
import { z } from 'zod';

import { zId, zName, zPage, zPaging, zRef, zSearch, zText } from '../../lib/schemas.ts';
import { decodeCursor, defaultOrder, zAssetSort, zSortOrder } from './sort.ts';

export { ASSET_SORTS, defaultOrder, SORT_ORDERS } from './sort.ts';
export type { TAssetSort, TSortOrder } from './sort.ts';

/** The schema's statuses, in its order (for selects and filters). */
export const ASSET_STATUSES = Object.values(AssetStatus);
export const zAssetStatus = z.enum(AssetStatus);
export const zAssetTag = zText({ min: 1, max: 64 }).regex(
  /^[A-Za-z0-9._\-/]+$/,
  'may use letters, digits and . _ - / only',
);

/** The earliest install date accepted: older dates are typos (0202 for 2020), not assets. */
export const INSTALLED_EARLIEST = '1900-01-01';

/**
 * The latest install date accepted: today, in the earliest time zone on Earth
 * (UTC+14), so that nobody's "today" is refused. An asset is recorded once it
 * is installed; a planned install is not an install date.
 */
export function installedLatest(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

const zInstalledAt = z.iso
  .date({ error: 'must be a date (YYYY-MM-DD)' })
  .refine((date) => date >= INSTALLED_EARLIEST, { error: `must be ${INSTALLED_EARLIEST} or later` })
  .refine((date) => date <= installedLatest(), { error: 'cannot be in the future' });

const fields = {
  tag: zAssetTag,
  name: zName,
  category: zText({ min: 1, max: 60 }),
  status: zAssetStatus,
  serialNumber: zText({ max: 120 }).nullable(),
  installedAt: zInstalledAt.nullable(),
};

export const ZCreateAssetInput = z.strictObject({
  buildingId: zId,
  ...fields,
  status: fields.status.default('OPERATIONAL'),
  serialNumber: fields.serialNumber.optional(),
  installedAt: fields.installedAt.optional(),
});
export type TCreateAssetInput = z.infer<typeof ZCreateAssetInput>;

export const ZUpdateAssetInput = z.strictObject({
  id: zId,
  buildingId: zId.optional(),
  tag: fields.tag.optional(),
  name: fields.name.optional(),
  category: fields.category.optional(),
  status: fields.status.optional(),
  serialNumber: fields.serialNumber.optional(),
  installedAt: fields.installedAt.optional(),
});
export type TUpdateAssetInput = z.infer<typeof ZUpdateAssetInput>;

/** What asset.list and asset.count filter by. */
const zAssetFilters = {
  search: zSearch.optional(),
  siteId: zId.optional(),
  buildingId: zId.optional(),
  status: zAssetStatus.optional(),
  category: zText({ max: 60 }).optional(),
  /** Exact tag, for imports that match on it. */
  tag: zAssetTag.optional(),
};

/**
 * A page of assets: the filters, a sort (newest first unless told) and a
 * keyset cursor, which is decoded here for the sort it was made under, so a
 * cursor that is not one of its cursors is a 400 on `cursor`.
 */
export const ZListAssetsInput = z
  .strictObject({
    ...zPaging,
    /** The previous page's nextCursor, as the server made it for this sort. */
    cursor: zText({ max: 400 }).optional(),
    ...zAssetFilters,
    sort: zAssetSort.optional(),
    order: zSortOrder.optional(),
  })
  .transform(({ cursor, sort = 'created', order, ...rest }, ctx) => {
    const after = cursor === undefined ? undefined : decodeCursor(sort, cursor);
    if (after === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['cursor'],
        message: 'is not a cursor of this list in this sort; start again from the first page',
      });
      return z.NEVER;
    }
    return { ...rest, sort, order: order ?? defaultOrder(sort), after };
  });
export type TListAssetsInput = z.output<typeof ZListAssetsInput>;

/** The largest exact total: past it, asset.count says "more than this" ("10,000+"). */
export const ASSET_COUNT_CAP = 10_000;
export const ZCountAssetsInput = z.strictObject(zAssetFilters);
export type TCountAssetsInput = z.infer<typeof ZCountAssetsInput>;
export const ZCountOutput = z.object({
  count: z.number().int(),
  /** True when there are more than `count` (the cap): show "10,000+". */
  capped: z.boolean(),
});

export const IMPORT_BATCH_MAX = 100;
export const ZImportAssetsInput = z.strictObject({
  /**
   * Made by the client, the same for every batch of one import, so the import
   * is one audit event with the server's counts (import-batch.ts).
   */
  importId: zId.optional(),
  rows: z.array(ZCreateAssetInput).min(1).max(IMPORT_BATCH_MAX, `at most ${IMPORT_BATCH_MAX} rows per call`),
});
export type TImportAssetsInput = z.infer<typeof ZImportAssetsInput>;

export const ZAssetOutput = z.object({
  id: z.string(),
  buildingId: z.string(),
  tag: z.string(),
  name: z.string(),
  category: z.string(),
  status: zAssetStatus,
  serialNumber: z.string().nullable(),
  installedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  building: zRef.extend({ site: zRef }),
});
export type TAssetOutput = z.infer<typeof ZAssetOutput>;
export const ZListAssetsOutput = zPage(ZAssetOutput);

export const ZImportAssetsOutput = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  results: z.array(z.object({ tag: z.string(), outcome: z.enum(['created', 'updated', 'unchanged']) })),
});
export type TImportAssetsOutput = z.infer<typeof ZImportAssetsOutput>;
