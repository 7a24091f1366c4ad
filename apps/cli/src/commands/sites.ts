import type { Command } from 'commander';

import { connect } from '../client.ts';
import { allPages } from '../paging.ts';

export function sitesCommand(program: Command): void {
  const sites = program.command('sites').description('sites of your organization');
  sites
    .command('list')
    .description('list every site, newest first')
    .action(async () => {
      const client = await connect();
      const rows: string[][] = [['NAME', 'BUILDINGS', 'ADDRESS', 'ID']];
      for await (const site of allPages((cursor) => client.site.list.query({ limit: 100, cursor }))) {
        rows.push([site.name, String(site._count.buildings), site.address ?? '', site.id]);
      }
      const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
      for (const row of rows)
        console.log(
          row
            .map((cell, i) => cell.padEnd(widths[i] ?? 0))
            .join('  ')
            .trimEnd(),
        );
      if (rows.length === 1) console.error('no sites yet');
    });
}
