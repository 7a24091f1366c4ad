// Rung (b) of the ladder: plain Fastify running the same Prisma query as
// asset.byId, with no tRPC, no authentication and no tenancy (the tenant comes
// from the path, and Prisma connects as the owner, to which RLS does not apply).
// A second route answers with raw pg and one joined statement: Prisma against
// pg in the same server. A third runs the Prisma query as the product's tenant
// calls do, in @tenantry/db's tenant transaction as the app role (BEGIN, set
// app.tenant_id, the query under RLS and the tenant-bound client, COMMIT), but
// without tRPC or a session: what the transaction costs, apart from the rest.
import { PrismaPg } from '@prisma/adapter-pg';
import { createDb, withTenant } from '@tenantry/db';
import type { Db, Prisma } from '@tenantry/db';
import Fastify from 'fastify';
import pg from 'pg';

import { announce, ASSET_BY_ID_SQL, configFromArgv, toAsset } from './asset-sql.ts';
import type { AssetRow } from './asset-sql.ts';

const { databaseUrl } = configFromArgv() as { databaseUrl: string };

// packages/api's assetSelect (domains/asset/queries.ts), copied so the bench does
// not reach into the API's internals; it must ask for the same columns and relations.
const assetSelect = {
  id: true,
  buildingId: true,
  tag: true,
  name: true,
  category: true,
  status: true,
  serialNumber: true,
  installedAt: true,
  createdAt: true,
  updatedAt: true,
  building: { select: { id: true, name: true, site: { select: { id: true, name: true } } } },
} satisfies Prisma.AssetSelect;

// @tenantry/db opens Prisma as the app role, bound by RLS; this rung has no tenancy,
// so it builds the same generated client class on a pool of the owner's connections,
// sized as the product's (10).
const runtime = await createDb({ kind: 'postgres', url: databaseUrl });
const PrismaClient = runtime.prisma.constructor as new (options: { adapter: PrismaPg }) => Db;
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });

interface Params {
  tenantId: string;
  id: string;
}

const app = Fastify();
app.get<{ Params: Params }>('/prisma/:tenantId/assets/:id', async (req, reply) => {
  const { tenantId, id } = req.params;
  const asset = await prisma.asset.findFirst({ where: { tenantId, id }, select: assetSelect });
  return asset ?? reply.code(404).send({ error: 'not found' });
});
app.get<{ Params: Params }>('/tenant-tx/:tenantId/assets/:id', async (req, reply) => {
  const { tenantId, id } = req.params;
  const asset = await withTenant(runtime.prisma, tenantId, (tx) =>
    tx.asset.findFirst({ where: { id }, select: assetSelect }),
  );
  return asset ?? reply.code(404).send({ error: 'not found' });
});
app.get<{ Params: Params }>('/pg/:tenantId/assets/:id', async (req, reply) => {
  const { rows } = await pool.query<AssetRow>({
    name: 'asset-by-id',
    text: ASSET_BY_ID_SQL,
    values: [req.params.tenantId, req.params.id],
  });
  const row = rows[0];
  return row ? toAsset(row) : reply.code(404).send({ error: 'not found' });
});

process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => Promise.all([prisma.$disconnect(), runtime.close(), pool.end()]))
    .then(() => process.exit(0));
});
announce('plain', await app.listen({ host: '127.0.0.1', port: 0 }));
