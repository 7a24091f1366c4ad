// Searches through the trigram indexes. Under row-level security the planner
// may not use ILIKE (not leakproof) as an index condition, so a list's search
// takes its matching ids from a tenantry_search_<table>(pattern) function,
// which runs as the schema owner bound to app.tenant_id, and reads only the
// page's rows under RLS (see docs/ARCHITECTURE.md, "Search").

/** The shortest search the trigram indexes can serve (one trigram); shorter ones stay plain ILIKE. */
export const TRIGRAM_SEARCH_MIN = 3;

/** `search` when it goes through the trigram indexes, else null. */
export const trigramSearch = (search: string | undefined): string | null =>
  search !== undefined && search.length >= TRIGRAM_SEARCH_MIN ? search : null;

/** `term` as an ILIKE pattern matching it anywhere, its wildcards taken literally. */
export const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
