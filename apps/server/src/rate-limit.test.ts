// Rate limits in memory and in Redis, with Redis outages made real: a port
// nobody listens on, and a TCP proxy in front of the real Redis that can cut
// the link or stall it.
import { connect, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';

import { memoryRateLimits, redisRateLimits } from './rate-limit.ts';
import type { RateLimitLog, RateLimits } from './rate-limit.ts';
import { isolatedRedisUrl, TEST_REDIS_URL } from './testing/redis.ts';

function recordingLog() {
  const lines: { level: 'warn' | 'info'; message: string }[] = [];
  const log: RateLimitLog = {
    warn: (_data, message) => lines.push({ level: 'warn', message }),
    info: (_data, message) => lines.push({ level: 'info', message }),
  };
  return { log, lines };
}

const opened: RateLimits[] = [];
const servers: TrackedServer[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((l) => l.close()));
  await Promise.all(servers.splice(0).map((s) => s.shut()));
});

interface TrackedServer {
  server: Server;
  sockets: Set<Socket>;
  /** Stops accepting, drops every open connection, and resolves once closed. */
  shut(): Promise<void>;
}

/** A TCP server whose connections can be dropped at once (close() alone waits for them). */
function tracked(onConnection: (socket: Socket) => void): TrackedServer {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onConnection(socket);
  });
  const entry: TrackedServer = {
    server,
    sockets,
    shut: () =>
      new Promise((resolve) => {
        if (!server.listening) {
          for (const s of sockets) s.destroy();
          resolve();
          return;
        }
        server.close(() => {
          resolve();
        });
        for (const s of sockets) s.destroy();
      }),
  };
  servers.push(entry);
  return entry;
}

async function open(url: string, log: RateLimitLog): Promise<RateLimits> {
  const limits = await redisRateLimits(url, log);
  opened.push(limits);
  return limits;
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A port that refuses connections: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('in memory (no REDIS_URL)', () => {
  it('a batch of N spends N points at once; the refusal says when to retry', async () => {
    const limit = memoryRateLimits().limiter('calls', 25);
    const verdicts = [await limit('10.0.0.1', 10), await limit('10.0.0.1', 10), await limit('10.0.0.1', 10)];
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, false]);
    expect(verdicts[2]?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(verdicts[2]?.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another client, and another limit, count apart.
    expect((await limit('10.0.0.2', 25)).allowed).toBe(true);
    expect((await memoryRateLimits().limiter('sign-in', 5)('10.0.0.1')).allowed).toBe(true);
  });
});

describe('when Redis cannot be reached', () => {
  it('answers from this process’s memory, still limits, and logs the outage once', async () => {
    const { log, lines } = recordingLog();
    const limits = await open(`redis://127.0.0.1:${await closedPort()}`, log);
    const limit = limits.limiter('calls', 5);
    const verdicts = [];
    for (let i = 0; i < 4; i += 1) verdicts.push((await limit('10.0.0.1', 2)).allowed);
    expect(verdicts).toEqual([true, true, false, false]);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
    expect(lines[0]?.message).toMatch(/Redis is not answering/);
  });

  it('does not wait on a Redis that accepts connections and never answers', async () => {
    const blackHole = tracked(() => {});
    const port = await listen(blackHole.server);
    const { log, lines } = recordingLog();
    const limits = await open(`redis://127.0.0.1:${port}`, log);
    const limit = limits.limiter('calls', 5);
    expect((await limit('10.0.0.1', 5)).allowed).toBe(true);
    expect((await limit('10.0.0.1', 1)).allowed).toBe(false);
    expect(lines.map((l) => l.level)).toEqual(['warn']);
  });
});

/** A TCP proxy to Redis that can cut the link (refusing new connections) or stall it. */
async function redisProxy(target: URL) {
  let stalled = false;
  const proxy = tracked((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    proxy.sockets.add(upstream);
    upstream.on('close', () => {
      proxy.sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => {});
    client.on('data', (chunk) => {
      if (!stalled) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!stalled) client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
  });
  const port = await listen(proxy.server);
  return {
    port,
    stall: () => {
      stalled = true;
    },
    cut: async () => {
      await proxy.shut();
      // What was dropped while stalled is gone with the connections.
      stalled = false;
    },
    restore: () => listen(proxy.server, port),
  };
}

describe('in Redis', { tags: ['redis'] }, () => {
  it('every instance spends from one counter', async () => {
    const url = isolatedRedisUrl();
    const { log } = recordingLog();
    const [one, two] = [await open(url, log), await open(url, log)];
    const verdicts = [];
    for (let i = 0; i < 6; i += 1)
      verdicts.push((await [one, two][i % 2]?.limiter('calls', 5)('10.0.0.1'))?.allowed);
    expect(verdicts).toEqual([true, true, true, true, true, false]);
  });

  it('a batch of ten is one Redis command carrying ten points', async () => {
    const url = isolatedRedisUrl();
    const prefix = new URL(url).searchParams.get('keyPrefix') ?? '';
    const limits = await open(url, recordingLog().log);
    const limit = limits.limiter('calls', 25);
    // The first call loads the Lua script into Redis (EVALSHA, then EVAL on NOSCRIPT).
    await limit('warm-up');

    const watcher = new Redis(TEST_REDIS_URL ?? '');
    const monitor = await watcher.monitor();
    const seen: string[][] = [];
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      // Commands a Lua script runs show up too, with `lua` as their source.
      if (source !== 'lua' && args.some((a) => a.startsWith(prefix))) seen.push(args);
    });
    try {
      expect((await limit('10.0.0.1', 10)).allowed).toBe(true);
      // MONITOR reports commands in the order Redis ran them: once this one
      // shows up, everything the batch sent has.
      const sentinel = `${prefix}sentinel`;
      const client = new Redis(TEST_REDIS_URL ?? '');
      await client.get(sentinel);
      await client.quit();
      await expect.poll(() => seen.some((args) => args.includes(sentinel))).toBe(true);
      const spent = seen.filter((args) => args.some((a) => a.endsWith(':10.0.0.1')));
      expect(spent).toHaveLength(1);
      expect(spent[0]?.[0]?.toLowerCase()).toBe('evalsha');
      expect(spent[0]).toContain('10');
    } finally {
      monitor.disconnect();
      watcher.disconnect();
    }
  });

  it('rides out a cut and a stall from memory, then shares counters again', async () => {
    const url = isolatedRedisUrl();
    const proxy = await redisProxy(new URL(url));
    const viaProxy = new URL(url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const { log, lines } = recordingLog();
    const limits = await open(viaProxy.toString(), log);
    const limit = limits.limiter('calls', 100);
    expect((await limit('10.0.0.1', 10)).allowed).toBe(true);

    // Stalled: the command times out and the call is answered from memory.
    proxy.stall();
    expect((await limit('10.0.0.1', 10)).allowed).toBe(true);
    expect(lines.map((l) => l.level)).toEqual(['warn']);

    // Cut: refused at once, still counted (in memory).
    await proxy.cut();
    expect((await limit('10.0.0.1', 95)).allowed).toBe(false);

    // Back: ioredis reconnects by itself, and the counter in Redis is used again.
    await proxy.restore();
    await expect
      .poll(
        async () => {
          await limit('10.0.0.2');
          return lines.map((l) => l.level);
        },
        { timeout: 20_000, interval: 200 },
      )
      .toEqual(['warn', 'info']);
    const direct = await open(url, log);
    // 10 spent before the outage; the calls made during it stayed in memory.
    expect((await direct.limiter('calls', 100)('10.0.0.1', 90)).allowed).toBe(true);
    expect((await direct.limiter('calls', 100)('10.0.0.1', 1)).allowed).toBe(false);
  });
});
