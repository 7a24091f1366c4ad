// The CLI's settings: the server URL and the API key, readable by the user only.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { z } from 'zod';

import { configDir } from './env.ts';
import { CliError } from './errors.ts';

const ZConfig = z.object({ url: z.url(), apiKey: z.string().startsWith('tk_') });
export type Config = z.infer<typeof ZConfig>;

export const configPath = () => join(configDir, 'config.json');

export async function saveConfig(config: Config): Promise<string> {
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  const path = configPath();
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600); // writeFile keeps the mode of a file that already existed
  return path;
}

export async function loadConfig(): Promise<Config> {
  let text: string;
  try {
    text = await readFile(configPath(), 'utf8');
  } catch {
    throw new CliError('not signed in: run `tenantry login --url <url> --api-key <key>` first');
  }
  const parsed = ZConfig.safeParse(JSON.parse(text));
  if (!parsed.success) throw new CliError(`${configPath()} is damaged: run \`tenantry login\` again`);
  return parsed.data;
}
