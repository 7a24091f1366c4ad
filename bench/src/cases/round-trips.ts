// Round trips to PostgreSQL per HTTP call, counted at the wire (Syncs and
// simple Queries that the server sends), for the calls the bench measures.
// The budget itself is pinned by packages/api's tests; this is the same count
// taken on the production build, for the report.
import { setTimeout as sleep } from 'node:timers/promises';

import { trpcQueryPath } from '../http.ts';
import type { Setup } from './setup.ts';

export interface RoundTrips {
  call: string;
  roundTrips: number;
  statements: string[];
}

export async function countRoundTrips(setup: Setup): Promise<RoundTrips[]> {
  const { small } = setup;
  const calls: [string, string][] = [
    ['asset.byId', trpcQueryPath('asset.byId', { id: small.tenant.assetId })],
    ['asset.list', trpcQueryPath('asset.list', {})],
    ['asset.stats', trpcQueryPath('asset.stats')],
    ['organization.current', trpcQueryPath('organization.current')],
    ['organization.members', trpcQueryPath('organization.members', {})],
    ['get-session', '/api/auth/get-session'],
  ];
  const out: RoundTrips[] = [];
  for (const [call, path] of calls) {
    const url = setup.servers.counted.url + path;
    const headers = { cookie: small.cookie };
    // Once to open the pool's connections (their start-up is not a round trip of the call).
    await (await fetch(url, { headers })).arrayBuffer();
    await sleep(50);
    const stop = setup.proxy.capture();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    // Anything the call sends after answering (fire-and-forget writes) still counts.
    await sleep(100);
    const captured = stop();
    if (!response.ok) throw new Error(`${call} on the counted server: HTTP ${response.status}`);
    out.push({
      call,
      roundTrips: captured.roundTrips,
      statements: captured.statements.map((s) => s.sql.replace(/\s+/g, ' ').trim().slice(0, 120)),
    });
  }
  return out;
}
