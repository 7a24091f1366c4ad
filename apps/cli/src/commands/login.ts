import { createTenantryClient } from '@tenantry/client';
import type { Command } from 'commander';

import { saveConfig } from '../config.ts';
import { CliError } from '../errors.ts';

export function loginCommand(program: Command): void {
  program
    .command('login')
    .description('check an API key against a server and remember both')
    .requiredOption('--url <url>', 'the Tenantry server, e.g. https://tenantry.example.com')
    .requiredOption('--api-key <key>', 'a tenant API key (tk_…), created under Settings → API keys')
    .action(async (options: { url: string; apiKey: string }) => {
      if (!URL.canParse(options.url)) throw new CliError(`--url is not a URL: ${options.url}`);
      if (!options.apiKey.startsWith('tk_'))
        throw new CliError('--api-key must be a Tenantry API key (tk_…)');
      const client = createTenantryClient({ url: options.url, apiKey: options.apiKey });
      const { organization, me } = await client.organization.current.query();
      const path = await saveConfig({ url: options.url, apiKey: options.apiKey });
      console.log(
        `signed in to ${organization.name} with a ${me.role.toLowerCase()} key; settings in ${path}`,
      );
    });
}
