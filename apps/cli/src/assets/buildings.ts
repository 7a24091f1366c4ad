// Resolves a CSV row's building: by `building_id`, or by `site` + `building` names.
import type { TenantryClient } from '@tenantry/client';

import { allPages } from '../paging.ts';
import type { Row } from './columns.ts';

const key = (site: string, building: string) =>
  `${site.trim().toLowerCase()}\u0000${building.trim().toLowerCase()}`;

export interface BuildingIndex {
  resolve(row: Row): { id: string } | { error: string };
}

export async function loadBuildings(client: TenantryClient): Promise<BuildingIndex> {
  const byName = new Map<string, string>();
  const ids = new Set<string>();
  for await (const b of allPages((cursor) => client.building.list.query({ limit: 100, cursor }))) {
    byName.set(key(b.site.name, b.name), b.id);
    ids.add(b.id);
  }
  return {
    resolve(row) {
      if (row.building_id) {
        return ids.has(row.building_id)
          ? { id: row.building_id }
          : { error: `building_id ${row.building_id} not found` };
      }
      if (!row.site || !row.building) return { error: 'site and building (or building_id) are required' };
      const id = byName.get(key(row.site, row.building));
      return id ? { id } : { error: `no building "${row.building}" on site "${row.site}"` };
    },
  };
}
