// `tenantry assets export [--site …]`: every asset as CSV on stdout, in the
// format import reads.
import type { RouterInputs, TenantryClient } from '@tenantry/client';
import { stringify } from 'csv-stringify';

import { CliError } from '../errors.ts';
import { allPages } from '../paging.ts';
import { COLUMNS } from './columns.ts';

async function findSite(client: TenantryClient, nameOrId: string): Promise<string> {
  for await (const site of allPages((cursor) => client.site.list.query({ limit: 100, cursor }))) {
    if (site.id === nameOrId || site.name.toLowerCase() === nameOrId.toLowerCase()) return site.id;
  }
  throw new CliError(`no site named or with id "${nameOrId}"`);
}

export async function exportAssets(client: TenantryClient, site: string | undefined): Promise<number> {
  const siteId = site ? await findSite(client, site) : undefined;
  const csv = stringify({ header: true, columns: [...COLUMNS] });
  csv.pipe(process.stdout);
  let count = 0;
  const page = (cursor: string | undefined): RouterInputs['asset']['list'] => ({
    limit: 100,
    cursor,
    siteId,
  });
  for await (const asset of allPages((cursor) => client.asset.list.query(page(cursor)))) {
    csv.write({
      tag: asset.tag,
      name: asset.name,
      category: asset.category,
      status: asset.status,
      site: asset.building.site.name,
      building: asset.building.name,
      serial_number: asset.serialNumber ?? '',
      installed_at: asset.installedAt ? asset.installedAt.toISOString().slice(0, 10) : '',
    });
    count += 1;
  }
  await new Promise<void>((resolve) => csv.end(resolve));
  return count;
}
