// Where the full stack's CPU time goes: one more production server runs with
// node's --cpu-prof under asset.byId at 16 connections, and the profile's
// samples are summed by the package their function comes from.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { trpcQueryPath } from '../http.ts';
import { hit } from '../load.ts';
import { startFull } from '../stack.ts';
import type { Setup } from './setup.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds between consecutive samples (the first from startTime). */
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/**
 * The samples taken while the load ran: the profile ends as the process exits, `tailMs`
 * after the load ended, so the window is [end − tail − load, end − tail]. Start-up
 * (module loading) and shutdown fall outside it.
 */
function samplesUnderLoad(profile: CpuProfile, loadMs: number, tailMs: number): CpuProfile {
  const to = profile.endTime - tailMs * 1000;
  const from = to - loadMs * 1000;
  const samples: number[] = [];
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= from && at <= to) samples.push(id);
  });
  return { ...profile, samples };
}

export interface PackageShare {
  owner: string;
  share: number;
}

export interface ProfileSummary {
  byPackage: PackageShare[];
  /** The functions with the most self time, as `name (file)`. */
  byFunction: PackageShare[];
}

/** The package (or part of the runtime) a function belongs to, from its script URL. */
function ownerOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url) {
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(garbage collector)') return 'garbage collector';
    if (functionName === '(program)') return 'native (V8, libuv, unattributed)';
    return 'native builtins';
  }
  if (url.startsWith('wasm://')) return 'WebAssembly (Prisma query compiler)';
  if (url.startsWith('node:')) return 'node core modules';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first = '', second = ''] = url.slice(modules + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const workspace = /\/(packages|apps)\/([^/]+)\//.exec(url);
  if (workspace?.[2]) {
    const generated = url.includes('/generated/') ? ' (generated Prisma client)' : '';
    return `@tenantry/${workspace[2]}${generated}`;
  }
  return url;
}

const functionOf = ({ functionName, url }: ProfileNode['callFrame']) =>
  `${functionName || '(anonymous)'}${url ? ` (${url.split('/').slice(-2).join('/')})` : ''}`;

function shares(profile: CpuProfile, keyOf: (node: ProfileNode) => string): PackageShare[] {
  const keyById = new Map(profile.nodes.map((node) => [node.id, keyOf(node)]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    const key = keyById.get(id) ?? 'unknown';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  counts.delete('idle');
  counts.delete('(idle)');
  const busy = [...counts.values()].reduce((sum, n) => sum + n, 0) || 1;
  return [...counts].map(([owner, n]) => ({ owner, share: n / busy })).sort((a, b) => b.share - a.share);
}

function summarizeProfile(profile: CpuProfile): ProfileSummary {
  return {
    byPackage: shares(profile, (node) => ownerOf(node.callFrame)),
    byFunction: shares(profile, (node) => functionOf(node.callFrame)).slice(0, 15),
  };
}

export async function profileFullStack(setup: Setup, log: (line: string) => void): Promise<ProfileSummary> {
  const dir = join(setup.logDir, 'cpu-profile');
  let loadMs = 0;
  let tailMs = 0;
  mkdirSync(dir, { recursive: true });
  const server = await startFull(
    { childEnv: setup.childEnv, logDir: setup.logDir },
    {
      name: 'full-profiled',
      databaseUrl: setup.databaseUrl,
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    },
  );
  try {
    const target = {
      name: 'profiled',
      url: server.url + trpcQueryPath('asset.byId', { id: setup.small.tenant.assetId }),
      headers: { cookie: setup.small.cookie },
    };
    await hit(target, 16, setup.sizes.warmupSeconds);
    const loadStarted = performance.now();
    const round = await hit(target, 16, setup.sizes.seconds * 2);
    loadMs = performance.now() - loadStarted;
    log(`  profiled server: ${round.rps.toFixed(0)} req/s under the profiler`);
  } finally {
    // The profile is written as the process exits.
    const stopping = performance.now();
    await server.stop();
    tailMs = performance.now() - stopping;
  }
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('the profiled server wrote no .cpuprofile');
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  return summarizeProfile(samplesUnderLoad(profile, loadMs, tailMs));
}
