// Rate limits per client address, with rate-limiter-flexible: in this process's
// memory by default (the embedded default: nothing to run), in Redis when
// REDIS_URL is set, so every instance spends from one counter. A tRPC batch of
// N calls spends N points in one operation (`consume(key, N)`: one EVALSHA on
// Redis), never N round trips.
//
// A Redis outage does not take the API down, and does not switch the limits
// off either: while Redis does not answer (refused, not ready, or slower than
// REDIS_TIMEOUT_MS), each process counts in its own memory again, so the limit
// holds per instance, and the outage and the recovery are each logged once.
// Answering 503 instead would turn a cache outage into a full one; failing
// fully open would lift the brute-force limit on sign-in exactly when nobody
// is looking. See docs/OPERATIONS.md.
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';

export interface Verdict {
  allowed: boolean;
  /** Seconds until the window frees points again (for Retry-After); 0 when allowed. */
  retryAfterSeconds: number;
}

/** Spends `points` (default 1) for a client; refuses once the window's points are gone. */
export type Limiter = (client: string, points?: number) => Promise<Verdict>;

export interface RateLimitLog {
  warn(data: object, message: string): void;
  info(data: object, message: string): void;
}

export interface RateLimits {
  /** Where counters live. */
  store: 'memory' | 'redis';
  /** A limiter of `perMinute` points per client and minute; `name` keeps its counters apart. */
  limiter(name: string, perMinute: number): Limiter;
  close(): Promise<void>;
}

const WINDOW_SECONDS = 60;
/** A Redis command slower than this counts as an outage: the request goes on with the memory counter. */
export const REDIS_TIMEOUT_MS = 500;
/** How long start-up waits for Redis before it begins with the memory counters. */
const CONNECT_WAIT_MS = 2_000;

const ALLOWED: Verdict = { allowed: true, retryAfterSeconds: 0 };

async function spend(limiter: RateLimiterAbstract, key: string, points: number): Promise<Verdict> {
  try {
    await limiter.consume(key, points);
    return ALLOWED;
  } catch (refusal) {
    // A refusal rejects with the limiter's result; anything else is the store failing.
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
  }
}

function memoryLimiter(name: string, perMinute: number): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix: name, points: perMinute, duration: WINDOW_SECONDS });
}

export function memoryRateLimits(): RateLimits {
  return {
    store: 'memory',
    limiter: (name, perMinute) => {
      const memory = memoryLimiter(name, perMinute);
      return (client, points = 1) => spend(memory, client, points);
    },
    close: () => Promise.resolve(),
  };
}

/** Resolves once the client is ready, fails to connect, or after `ms` (the limits then start in memory). */
function readyWithin(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      redis.off('error', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    redis.once('ready', done);
    redis.once('error', done);
  });
}

/**
 * Counters in Redis, shared by every instance. `url` is a redis:// or
 * rediss:// URL; ioredis reads options from its query, e.g. `?keyPrefix=staging:`
 * to keep two deployments on one Redis apart.
 */
export async function redisRateLimits(url: string, log: RateLimitLog): Promise<RateLimits> {
  const redis = new Redis(url, {
    // Fail at once while disconnected rather than queue behind a dead link.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_TIMEOUT_MS,
    connectTimeout: CONNECT_WAIT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  let down = false;
  // Connection errors also reach the requests that hit them; this keeps
  // ioredis from printing each reconnect attempt as an unhandled error.
  redis.on('error', () => {});
  await readyWithin(redis, CONNECT_WAIT_MS);

  const outage = (error: unknown) => {
    if (down) return;
    down = true;
    log.warn(
      { err: error },
      'rate limits: Redis is not answering; each instance counts in its own memory until it does',
    );
  };
  const recovered = () => {
    if (!down) return;
    down = false;
    log.info({}, 'rate limits: Redis answers again; counters are shared again');
  };

  return {
    store: 'redis',
    limiter: (name, perMinute) => {
      const shared = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `tenantry:rate:${name}`,
        points: perMinute,
        duration: WINDOW_SECONDS,
        rejectIfRedisNotReady: true,
      });
      const fallback = memoryLimiter(name, perMinute);
      return async (client, points = 1) => {
        try {
          const verdict = await spend(shared, client, points);
          recovered();
          return verdict;
        } catch (error) {
          outage(error);
          return spend(fallback, client, points);
        }
      };
    },
    close: async () => {
      // quit() waits for Redis to answer; a dead link is simply dropped.
      if (redis.status === 'ready') await redis.quit().catch(() => undefined);
      redis.disconnect();
    },
  };
}

/** Redis when a URL is given, otherwise this process's memory. */
export function createRateLimits(redisUrl: string | undefined, log: RateLimitLog): Promise<RateLimits> {
  return redisUrl ? redisRateLimits(redisUrl, log) : Promise.resolve(memoryRateLimits());
}
