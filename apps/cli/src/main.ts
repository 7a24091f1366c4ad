// tenantry: the command-line sibling app, built only on @tenantry/client.
import { Command } from 'commander';

import { assetsCommand } from './commands/assets.ts';
import { loginCommand } from './commands/login.ts';
import { sitesCommand } from './commands/sites.ts';
import { describe } from './errors.ts';

const program = new Command('tenantry')
  .description('Tenantry from the command line: sites and assets of your organization')
  .showHelpAfterError();
loginCommand(program);
sitesCommand(program);
assetsCommand(program);

try {
  await program.parseAsync();
} catch (error) {
  console.error(`error: ${describe(error)}`);
  process.exitCode = 1;
}
