import type { Command } from 'commander';

import { exportAssets } from '../assets/export.ts';
import { importAssets } from '../assets/import.ts';
import { connect } from '../client.ts';

export function assetsCommand(program: Command): void {
  const assets = program.command('assets').description('import and export assets as CSV');
  assets
    .command('import')
    .description('create or update assets from a CSV file, matched by tag (safe to re-run)')
    .argument(
      '<file.csv>',
      'columns: tag,name,category,status,site,building,serial_number,installed_at (or building_id)',
    )
    .action(async (file: string) => {
      const client = await connect();
      const summary = await importAssets(client, file, (line) => {
        console.error(line);
      });
      console.log(
        `created ${summary.created}, updated ${summary.updated}, skipped ${summary.skipped}, failed ${summary.failed}`,
      );
      if (summary.failed) process.exitCode = 1;
    });
  assets
    .command('export')
    .description('write every asset as CSV to standard output')
    .option('--site <name-or-id>', 'only the assets of this site')
    .action(async (options: { site?: string }) => {
      const client = await connect();
      const count = await exportAssets(client, options.site);
      console.error(`exported ${count} assets`);
    });
}
