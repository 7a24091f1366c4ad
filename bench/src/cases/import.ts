// A CSV import through the CLI (apps/cli), as a user runs it: `tenantry login`
// with an API key of a tenant emptied before the run, then `tenantry assets
// import` of a generated file, timed from start to exit.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type pg from 'pg';

import { signIn, trpcMutation } from '../http.ts';
import { CLI_BIN, REPO_ROOT } from '../paths.ts';
import { BENCH_PASSWORD, ensureImportTenant } from '../seed.ts';
import type { Setup } from './setup.ts';

export interface ImportResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  summary: string;
  /** True when the import hit the time cap and was stopped (rows = the rows written by then). */
  capped: boolean;
}

function run(
  args: string[],
  env: Record<string, string>,
  capSeconds = 60,
): Promise<{ code: number | null; output: string; capped: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: REPO_ROOT, env, stdio: 'pipe' });
    let capped = false;
    // The run's time is bounded: a slow import is stopped, and what it wrote by then is counted.
    const cap = setTimeout(() => {
      capped = true;
      child.kill('SIGTERM');
    }, capSeconds * 1000);
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(cap);
      resolve({ code, output, capped });
    });
  });
}

function writeCsv(path: string, rows: number, buildingId: string): void {
  const lines = ['tag,name,category,status,building_id,serial_number,installed_at'];
  for (let i = 1; i <= rows; i += 1) {
    lines.push(
      `IMP-${String(i).padStart(7, '0')},Imported pump ${i},Pump,operational,${buildingId},SN-${i},2020-01-01`,
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

export async function runImport(
  setup: Setup,
  owner: pg.Pool,
  log: (line: string) => void,
): Promise<ImportResult> {
  const server = setup.servers.full.url;
  const tenant = await ensureImportTenant(owner, server);
  const cookie = await signIn(server, tenant.email, BENCH_PASSWORD);
  const { data } = await trpcMutation<{ secret: string }>(
    server,
    'apiKey.create',
    { name: `bench ${new Date().toISOString()}`, role: 'ADMIN' },
    new Headers({ cookie }),
  );
  const csv = join(setup.logDir, 'import.csv');
  writeCsv(csv, setup.sizes.importRows, tenant.buildingId);
  const env = { ...setup.childEnv, TENANTRY_CONFIG_DIR: join(setup.logDir, 'cli-config') };
  const login = await run(['login', '--url', server, '--api-key', data.secret], env);
  if (login.code !== 0) throw new Error(`tenantry login failed: ${login.output}`);
  log(`  importing ${setup.sizes.importRows} rows through the CLI`);
  const started = performance.now();
  const result = await run(['assets', 'import', csv], env, setup.sizes.importCapSeconds);
  const seconds = (performance.now() - started) / 1000;
  if (result.capped) {
    const { rows } = await owner.query<{ n: string }>(
      'select count(*) as n from assets where tenant_id = $1',
      [tenant.tenantId],
    );
    const written = Number(rows[0]?.n ?? 0);
    const summary = `stopped after ${setup.sizes.importCapSeconds} s with ${written} of ${setup.sizes.importRows} rows written`;
    return { rows: written, seconds, rowsPerSecond: written / seconds, summary, capped: true };
  }
  const summary = /created \d+, updated \d+, skipped \d+, failed \d+/.exec(result.output)?.[0] ?? '';
  if (result.code !== 0 || !summary)
    throw new Error(`tenantry assets import failed: ${result.output.slice(-2000)}`);
  return {
    rows: setup.sizes.importRows,
    seconds,
    rowsPerSecond: setup.sizes.importRows / seconds,
    summary,
    capped: false,
  };
}
