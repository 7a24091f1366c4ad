// asset.byId's answer in one statement: the asset with its building and site
// joined. What the bare server and the raw-pg routes send instead of Prisma's.
export const ASSET_BY_ID_SQL = `
  select a.id, a.building_id, a.tag, a.name, a.category, a.status, a.serial_number,
         a.installed_at, a.created_at, a.updated_at,
         b.name as building_name, s.id as site_id, s.name as site_name
  from assets a
  join buildings b on b.tenant_id = a.tenant_id and b.id = a.building_id
  join sites s on s.tenant_id = b.tenant_id and s.id = b.site_id
  where a.tenant_id = $1 and a.id = $2`;

export interface AssetRow {
  id: string;
  building_id: string;
  tag: string;
  name: string;
  category: string;
  status: string;
  serial_number: string | null;
  installed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  building_name: string;
  site_id: string;
  site_name: string;
}

/** The same shape as asset.byId's output. */
export function toAsset(row: AssetRow) {
  return {
    id: row.id,
    buildingId: row.building_id,
    tag: row.tag,
    name: row.name,
    category: row.category,
    status: row.status,
    serialNumber: row.serial_number,
    installedAt: row.installed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    building: {
      id: row.building_id,
      name: row.building_name,
      site: { id: row.site_id, name: row.site_name },
    },
  };
}

/** A server's settings arrive as one JSON argument: only bench/src/env.ts reads the environment. */
export function configFromArgv(): unknown {
  const raw = process.argv[2];
  if (!raw) throw new Error('usage: node <server> <json settings>');
  return JSON.parse(raw);
}

/** The line the bench waits for (the product's server prints the same). */
export function announce(name: string, address: string): void {
  console.log(`${name} listening on ${address}`);
}
