// Keyset pagination on UUIDv7 ids, newest first: ids sort by creation time, so
// `id < cursor` is the next page and no offset is ever scanned.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function pageArgs(input: { cursor?: string | undefined; limit: number }) {
  return {
    take: input.limit + 1,
    orderBy: { id: 'desc' as const },
    cursorFilter: input.cursor ? { id: { lt: input.cursor } } : {},
  };
}

export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
