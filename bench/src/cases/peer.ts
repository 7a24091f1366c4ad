// Ours against the peer (better-auth's organization plugin) on three requests
// that answer the same question, in one alternating group at 16 connections.
import { trpcQueryPath } from '../http.ts';
import { alternate } from '../load.ts';
import type { Figure, Target } from '../load.ts';
import type { Setup } from './setup.ts';

export const PEER_PAIRS = [
  {
    question: 'who am I and my organization',
    ours: 'organization.current',
    peer: 'get-full-organization',
    oursPath: trpcQueryPath('organization.current'),
    peerPath: '/api/auth/organization/get-full-organization',
  },
  {
    question: 'list members',
    ours: 'organization.members',
    peer: 'list-members',
    oursPath: trpcQueryPath('organization.members', {}),
    peerPath: '/api/auth/organization/list-members',
  },
  {
    question: 'session check',
    ours: 'get-session',
    peer: 'get-session',
    oursPath: '/api/auth/get-session',
    peerPath: '/api/auth/get-session',
  },
] as const;

export const oursName = (pair: (typeof PEER_PAIRS)[number]) => `ours: ${pair.ours}`;
export const peerName = (pair: (typeof PEER_PAIRS)[number]) => `peer: ${pair.peer}`;

export async function runPeer(setup: Setup, log: (line: string) => void): Promise<Map<string, Figure>> {
  const { servers, small, peerCookie, sizes } = setup;
  const targets: Target[] = [];
  for (const pair of PEER_PAIRS) {
    targets.push({
      name: oursName(pair),
      url: servers.full.url + pair.oursPath,
      headers: { cookie: small.cookie },
    });
    targets.push({
      name: peerName(pair),
      url: servers.peer.url + pair.peerPath,
      headers: { cookie: peerCookie },
    });
  }
  for (const target of targets) {
    const response = await fetch(target.url, { headers: target.headers ?? {} });
    const body = await response.text();
    // Six members on both sides: an answer without them is not the same answer.
    if (!response.ok || body === 'null' || (target.name.includes('member') && !body.includes('member'))) {
      throw new Error(`${target.name} answered HTTP ${response.status} ${body.slice(0, 200)}`);
    }
  }
  log(`ours against the peer at 16 connections, ${sizes.rounds} alternating rounds of ${sizes.seconds} s`);
  return alternate(
    targets,
    { connections: 16, rounds: sizes.rounds, seconds: sizes.seconds, warmupSeconds: sizes.warmupSeconds },
    log,
  );
}
