// How asset.list sorts, and its keyset cursor under each sort. A page ends on
// a row; the next page starts after that row's (sort key, id), so ties on the
// key are broken by id and no row is skipped or repeated however many share
// a key. Newest first (by id, UUIDv7) is the default, and its cursor stays the
// bare id that every list uses; any other sort's cursor carries the key too,
// as base64url JSON ([sort, key, id]) the client passes back untouched.
import { AssetStatus } from '@tenantry/db/enums';
import { z } from 'zod';

import { textProblem } from '../../lib/text.ts';

export const ASSET_SORTS = ['created', 'name', 'tag', 'status', 'category', 'updated'] as const;
export type TAssetSort = (typeof ASSET_SORTS)[number];
export const zAssetSort = z.enum(ASSET_SORTS, { error: `must be one of ${ASSET_SORTS.join(', ')}` });

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type TSortOrder = (typeof SORT_ORDERS)[number];
export const zSortOrder = z.enum(SORT_ORDERS, { error: 'must be asc or desc' });

/** The order a sort takes when none is given: dates newest first, words A to Z. */
export const defaultOrder = (sort: TAssetSort): TSortOrder =>
  sort === 'created' || sort === 'updated' ? 'desc' : 'asc';

/** Where the next page starts: after this row. `key` is null when the sort is by id alone. */
export interface AssetCursor {
  key: string | null;
  id: string;
}

/** The row a page ends on, as much of it as a cursor needs. */
export interface SortedRow {
  id: string;
  name: string;
  tag: string;
  status: string;
  category: string;
  updatedAt: Date;
}

const keyOf: Record<Exclude<TAssetSort, 'created'>, (row: SortedRow) => string> = {
  name: (row) => row.name,
  tag: (row) => row.tag,
  status: (row) => row.status,
  category: (row) => row.category,
  updated: (row) => row.updatedAt.toISOString(),
};

export function encodeCursor(sort: TAssetSort, row: SortedRow): string {
  if (sort === 'created') return row.id;
  const bytes = new TextEncoder().encode(JSON.stringify([sort, keyOf[sort](row), row.id]));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The JSON a cursor encodes (atob and TextDecoder: this module runs in the browser too). */
function fromBase64Url(cursor: string): unknown {
  const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

const zUuid = z.uuid();
/** A key as the column can hold it: bounded text PostgreSQL can take, a status, or a timestamp. */
const keyValid: Record<Exclude<TAssetSort, 'created'>, (key: string) => boolean> = {
  name: (key) => key.length <= 120 && textProblem(key) === null,
  tag: (key) => key.length <= 64 && textProblem(key) === null,
  category: (key) => key.length <= 60 && textProblem(key) === null,
  status: (key) => key in AssetStatus,
  updated: (key) => z.iso.datetime().safeParse(key).success,
};

/** The cursor `cursor` stands for under `sort`, or null when it is not one of this sort's cursors. */
export function decodeCursor(sort: TAssetSort, cursor: string): AssetCursor | null {
  if (sort === 'created') return zUuid.safeParse(cursor).success ? { key: null, id: cursor } : null;
  let parsed: unknown;
  try {
    parsed = fromBase64Url(cursor);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [madeFor, key, id] = parsed as unknown[];
  if (madeFor !== sort) return null;
  if (typeof key !== 'string' || typeof id !== 'string' || !zUuid.safeParse(id).success) return null;
  return keyValid[sort](key) ? { key, id } : null;
}
