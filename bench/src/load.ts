// The load generator: autocannon, in alternating rounds. Every contestant of a
// group runs one short round in turn, the order rotating each round, so that
// whatever else the machine does (other processes, thermal limits) falls on all
// of them alike; a contestant's figure is its median round.
import { Agent, get } from 'node:http';

import autocannon from 'autocannon';

export interface Target {
  name: string;
  /** Full URL on 127.0.0.1. */
  url: string;
  headers?: Record<string, string>;
  /** The status every answer must have (default: any 2xx). */
  status?: number;
}

export interface Round {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers plus connection errors: any of these makes the figure suspect. */
  failures: number;
}

export interface Figure extends Round {
  rounds: Round[];
}

export interface LoadPlan {
  connections: number;
  rounds: number;
  seconds: number;
  /** Unrecorded load before the first round, so JIT and pools are warm. */
  warmupSeconds: number;
}

/** One bounded round against one target (127.0.0.1 only: the URL is ours). */
export async function hit(target: Target, connections: number, seconds: number): Promise<Round> {
  if (new URL(target.url).hostname !== '127.0.0.1') throw new Error(`${target.url} is not on 127.0.0.1`);
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    headers: target.headers ?? {},
    // A hung server must not hang the bench.
    timeout: 10,
  });
  const answered = target.status ? (result.statusCodeStats?.[`${target.status}`]?.count ?? 0) : null;
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: (answered === null ? result.non2xx : result.requests.total - answered) + result.errors,
  };
}

/** One keep-alive GET, timed with the monotonic clock, in milliseconds. */
function timedGet(agent: Agent, url: string, headers: Record<string, string>): Promise<[number, number]> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        resolve([performance.now() - t0, res.statusCode ?? 0]);
      });
    }).on('error', reject);
  });
}

/**
 * One connection, one call after another, each timed: autocannon reports latency in
 * whole milliseconds, too coarse for a bare server's sub-millisecond p50.
 */
export async function hitSequential(target: Target, seconds: number): Promise<Round> {
  if (new URL(target.url).hostname !== '127.0.0.1') throw new Error(`${target.url} is not on 127.0.0.1`);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  let failures = 0;
  const started = performance.now();
  try {
    while (performance.now() - started < seconds * 1000) {
      const [ms, status] = await timedGet(agent, target.url, target.headers ?? {});
      times.push(ms);
      if (status < 200 || status >= 300) failures += 1;
    }
  } finally {
    agent.destroy();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const elapsed = (performance.now() - started) / 1000;
  return { rps: times.length / elapsed, p50: at(0.5), p99: at(0.99), requests: times.length, failures };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function summarize(rounds: Round[]): Figure {
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    failures: rounds.reduce((sum, r) => sum + r.failures, 0),
    rounds,
  };
}

export async function alternate(
  targets: Target[],
  plan: LoadPlan,
  progress: (line: string) => void,
): Promise<Map<string, Figure>> {
  const round = (target: Target, seconds: number) =>
    plan.connections === 1 ? hitSequential(target, seconds) : hit(target, plan.connections, seconds);
  for (const target of targets) await round(target, plan.warmupSeconds);
  const rounds = new Map<string, Round[]>(targets.map((t) => [t.name, []]));
  for (let r = 0; r < plan.rounds; r += 1) {
    const order = targets.map((_, i) => targets[(i + r) % targets.length]).filter((t) => t !== undefined);
    for (const target of order) {
      const result = await round(target, plan.seconds);
      rounds.get(target.name)?.push(result);
      progress(
        `  round ${r + 1}/${plan.rounds} ${target.name.padEnd(28)} ${result.rps.toFixed(0).padStart(6)} req/s` +
          `  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms` +
          (result.failures ? `  FAILURES ${result.failures}` : ''),
      );
    }
  }
  return new Map([...rounds].map(([name, list]) => [name, summarize(list)]));
}

/** Sequential calls on one connection, timed one by one: p50 of slow queries (seconds each at 1M rows). */
export async function timeSequential(
  url: string,
  headers: Record<string, string>,
  budgetMs: number,
  maxCalls: number,
): Promise<{ p50: number; max: number; calls: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  const started = performance.now();
  try {
    while (times.length < maxCalls && (times.length < 2 || performance.now() - started < budgetMs)) {
      const [ms, status] = await timedGet(agent, url, headers);
      if (status < 200 || status >= 300) throw new Error(`${url}: HTTP ${status}`);
      times.push(ms);
    }
  } finally {
    agent.destroy();
  }
  return { p50: median(times), max: Math.max(...times), calls: times.length };
}
