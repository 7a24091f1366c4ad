// Reads at 1k against the big tenant (1M assets): list, a search that matches
// nothing, a search that matches one asset, and stats, each timed call by call
// on one connection through the full server. Then each query's statements, as
// the server sent them (captured by the wire proxy), run under EXPLAIN
// (ANALYZE, BUFFERS) at the big tenant, as the app role with its tenant set.
import type pg from 'pg';

import { trpcQueryPath } from '../http.ts';
import { timeSequential } from '../load.ts';
import type { BenchTenant } from '../seed.ts';
import type { Statement } from '../wire.ts';
import type { Setup, SignedIn } from './setup.ts';

export interface ScaleQuery {
  name: string;
  path: (tenant: BenchTenant) => string;
}

export const SCALE_QUERIES: ScaleQuery[] = [
  { name: 'asset.list (first page)', path: () => trpcQueryPath('asset.list', {}) },
  {
    name: 'asset.list, search matching nothing',
    path: () => trpcQueryPath('asset.list', { search: 'no-such-asset' }),
  },
  {
    name: 'asset.list, search matching one asset (its tag)',
    path: (tenant) => trpcQueryPath('asset.list', { search: tenant.middleTag }),
  },
  { name: 'asset.stats', path: () => trpcQueryPath('asset.stats') },
];

export interface ScaleRow {
  query: string;
  small: { p50: number; calls: number };
  big: { p50: number; calls: number };
}

export interface Explained {
  query: string;
  statements: { sql: string; params: (string | null)[]; plan: string }[];
}

export async function runScale(setup: Setup, log: (line: string) => void): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  const time = async (session: SignedIn, query: ScaleQuery) => {
    const url = setup.servers.full.url + query.path(session.tenant);
    const headers = { cookie: session.cookie };
    await timeSequential(url, headers, 0, 1); // warm the path (and the cache) once
    return timeSequential(url, headers, setup.sizes.scaleBudgetMs, 200);
  };
  for (const query of SCALE_QUERIES) {
    const small = await time(setup.small, query);
    const big = await time(setup.big, query);
    log(
      `  ${query.name.padEnd(48)} ${setup.small.tenant.assets}: ${small.p50.toFixed(1)} ms` +
        `  ${setup.big.tenant.assets}: ${big.p50.toFixed(1)} ms (${big.calls} calls)`,
    );
    rows.push({ query: query.name, small, big });
  }
  return rows;
}

/**
 * Statements that read the asset tables (quoted by Prisma, bare in the reviewed
 * raw statements), not the session, rate-limit or transaction bookkeeping.
 */
const readsAssets = (statement: Statement) =>
  /\b(from|join)\s+("public"\.)?"?(assets|buildings|sites|asset_counts)\b/i.test(statement.sql);

async function explain(owner: pg.Pool, tenantId: string, statement: Statement): Promise<string> {
  const client = await owner.connect();
  try {
    await client.query('begin');
    await client.query('set local role tenantry_app');
    await client.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${statement.sql}`,
      statement.params,
    );
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback');
    client.release();
  }
}

export async function explainAtScale(setup: Setup, owner: pg.Pool): Promise<Explained[]> {
  // The counted server shares the database, so the big tenant's session works there too.
  const cookie = setup.big.cookie;
  const out: Explained[] = [];
  for (const query of SCALE_QUERIES) {
    const stop = setup.proxy.capture();
    const response = await fetch(setup.servers.counted.url + query.path(setup.big.tenant), {
      headers: { cookie },
    });
    await response.arrayBuffer();
    const captured = stop();
    const statements = [];
    for (const statement of captured.statements.filter(readsAssets)) {
      statements.push({ ...statement, plan: await explain(owner, setup.big.tenant.tenantId, statement) });
    }
    out.push({ query: query.name, statements });
  }
  return out;
}
