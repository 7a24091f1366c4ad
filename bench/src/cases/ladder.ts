// asset.byId at every rung: the full stack (on PostgreSQL at the production log
// level, at warn, and on PGlite), the full stack's floor (the same call without
// a session, refused by tRPC before any database work), plain Fastify with
// Prisma (alone, or in the tenant transaction) or pg, bare node:http with pg,
// and bare pg's transaction with and without RLS. One alternating group at 16
// connections, and the three rungs at 1 connection.
import { trpcQueryPath } from '../http.ts';
import { alternate } from '../load.ts';
import type { Figure, Target } from '../load.ts';
import type { Setup } from './setup.ts';

export const RUNG = {
  full: 'full stack (PostgreSQL)',
  fullWarn: 'full stack, LOG_LEVEL=warn',
  pglite: 'full stack (PGlite)',
  floor: 'full stack, refused (no session)',
  plain: 'plain Fastify + Prisma',
  plainTx: 'plain + tenant transaction',
  plainPg: 'plain Fastify + pg',
  bare: 'bare node:http + pg',
  rlsOn: 'pg transaction, RLS on',
  rlsOff: 'pg transaction, RLS off',
} as const;

export interface LadderResult {
  at16: Map<string, Figure>;
  at1: Map<string, Figure>;
}

export async function runLadder(setup: Setup, log: (line: string) => void): Promise<LadderResult> {
  const { servers, small, pgliteSession, sizes } = setup;
  const { tenantId, assetId } = small.tenant;
  const byId = trpcQueryPath('asset.byId', { id: assetId });
  const cookie = { cookie: small.cookie };
  const targets: Record<keyof typeof RUNG, Target> = {
    full: { name: RUNG.full, url: servers.full.url + byId, headers: cookie },
    fullWarn: { name: RUNG.fullWarn, url: servers.fullWarn.url + byId, headers: cookie },
    pglite: {
      name: RUNG.pglite,
      url: servers.pglite.url + trpcQueryPath('asset.byId', { id: pgliteSession.assetId }),
      headers: { cookie: pgliteSession.cookie },
    },
    floor: { name: RUNG.floor, url: servers.full.url + byId, status: 401 },
    plain: { name: RUNG.plain, url: `${servers.plain.url}/prisma/${tenantId}/assets/${assetId}` },
    plainTx: { name: RUNG.plainTx, url: `${servers.plain.url}/tenant-tx/${tenantId}/assets/${assetId}` },
    plainPg: { name: RUNG.plainPg, url: `${servers.plain.url}/pg/${tenantId}/assets/${assetId}` },
    bare: { name: RUNG.bare, url: `${servers.bare.url}/assets/${tenantId}/${assetId}` },
    rlsOn: { name: RUNG.rlsOn, url: `${servers.bare.url}/rls-on/${tenantId}/${assetId}` },
    rlsOff: { name: RUNG.rlsOff, url: `${servers.bare.url}/rls-off/${tenantId}/${assetId}` },
  };
  // Each answers the same asset before any load: a rung that answered 401 or 404 would look fast.
  // The floor is the one meant to be refused.
  for (const target of Object.values(targets)) {
    const response = await fetch(target.url, { headers: target.headers ?? {} });
    const body = await response.text();
    const answered = target.status
      ? response.status === target.status
      : response.ok && body.includes('"tag"');
    if (!answered) {
      throw new Error(
        `${target.name} did not answer asset.byId: HTTP ${response.status} ${body.slice(0, 200)}`,
      );
    }
  }
  log(`asset.byId at 16 connections, ${sizes.rounds} alternating rounds of ${sizes.seconds} s`);
  const at16 = await alternate(
    Object.values(targets),
    { connections: 16, rounds: sizes.rounds, seconds: sizes.seconds, warmupSeconds: sizes.warmupSeconds },
    log,
  );
  log(`asset.byId at 1 connection, ${sizes.singleRounds} alternating rounds of ${sizes.singleSeconds} s`);
  const at1 = await alternate(
    [targets.full, targets.plain, targets.bare],
    { connections: 1, rounds: sizes.singleRounds, seconds: sizes.singleSeconds, warmupSeconds: 0.5 },
    log,
  );
  return { at16, at1 };
}
