// Rung (c) of the ladder: node:http and pg, one prepared statement per call, no
// framework. It also serves the RLS pair: the same transaction (BEGIN, set
// app.tenant_id, the query, COMMIT) as tenantry_app, whom RLS binds, and as the
// owner, whom it does not; only the policy differs between the two.
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';

import pg from 'pg';

import { announce, ASSET_BY_ID_SQL, configFromArgv, toAsset } from './asset-sql.ts';
import type { AssetRow } from './asset-sql.ts';

const { databaseUrl } = configFromArgv() as { databaseUrl: string };

const owner = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const app = new pg.Pool({ connectionString: databaseUrl, max: 10, options: '-c role=tenantry_app' });

const query = (tenantId: string, id: string) => ({
  name: 'asset-by-id',
  text: ASSET_BY_ID_SQL,
  values: [tenantId, id],
});

async function inTenantTransaction(pool: pg.Pool, tenantId: string, id: string): Promise<AssetRow[]> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query({
      name: 'set-tenant',
      text: "select set_config('app.tenant_id', $1, true)",
      values: [tenantId],
    });
    const { rows } = await client.query<AssetRow>(query(tenantId, id));
    await client.query('commit');
    return rows;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

const ROUTES: Record<string, (tenantId: string, id: string) => Promise<AssetRow[]>> = {
  assets: async (tenantId, id) => (await owner.query<AssetRow>(query(tenantId, id))).rows,
  'rls-on': (tenantId, id) => inTenantTransaction(app, tenantId, id),
  'rls-off': (tenantId, id) => inTenantTransaction(owner, tenantId, id),
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

// GET /<route>/<tenantId>/<assetId>
const server = createServer((req, res) => {
  const [, route = '', tenantId = '', id = ''] = (req.url ?? '').split('/');
  const handler = Object.hasOwn(ROUTES, route) ? ROUTES[route] : undefined;
  if (!handler || !tenantId || !id) {
    send(res, 404, { error: 'no such route' });
    return;
  }
  handler(tenantId, id).then(
    (rows) => {
      const row = rows[0];
      if (row) send(res, 200, toAsset(row));
      else send(res, 404, { error: 'not found' });
    },
    (error: unknown) => {
      send(res, 500, { error: String(error) });
    },
  );
});

process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void Promise.all([owner.end(), app.end()]).then(() => process.exit(0));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  announce('bare', `http://127.0.0.1:${port}`);
});
