// Where things are in the workspace, relative to this file, so nothing depends
// on the folder the repository was cloned into.
import { fileURLToPath } from 'node:url';

const at = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export const REPO_ROOT = at('../../');
export const SERVER_DIR = at('../../apps/server/');
export const SERVER_MAIN = at('../../apps/server/dist/main.js');
export const CLI_BIN = at('../../apps/cli/bin/tenantry.js');
export const BENCH_SERVERS = at('./servers/');
export const BENCHMARKS_DOC = at('../../docs/BENCHMARKS.md');
/** Build outputs `pnpm start` needs; if one is missing the bench runs `pnpm build`. */
export const BUILD_OUTPUTS = [
  SERVER_MAIN,
  at('../../packages/api/dist/index.js'),
  at('../../packages/db/dist/index.js'),
  at('../../apps/web/dist/index.html'),
];
