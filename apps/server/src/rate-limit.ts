// Rate limits through @fastify/rate-limit's createRateLimit(), so they can be
// applied per tRPC call: a batch of ten calls spends ten, not one. Counters
// live in the database (rate_limits), so every server instance shares them.
import type { Db } from '@tenantry/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Spends one unit for the request's client; false once the limit is reached. */
export type Limiter = (req: FastifyRequest) => Promise<boolean>;

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Expired counters are pruned now and then, not on every call. */
const PRUNE_EVERY = 500;

/** A @fastify/rate-limit store backed by the rate_limits table: one atomic upsert per hit. */
export function databaseRateLimitStore(db: Db) {
  let hits = 0;
  return class DatabaseRateLimitStore {
    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      hits += 1;
      const prune = hits % PRUNE_EVERY === 0;
      void (async () => {
        const [row] = await db.$queryRaw<{ current: number; ttl: number }[]>`
          insert into rate_limits (key, count, reset_at)
          values (${key}, 1, now() + ${timeWindow} * interval '1 millisecond')
          on conflict (key) do update set
            count = case when rate_limits.reset_at <= now() then 1 else rate_limits.count + 1 end,
            reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
          returning count as current,
            greatest(0, extract(epoch from (reset_at - now())) * 1000)::int as ttl`;
        if (prune) await db.$executeRaw`delete from rate_limits where reset_at < now() - interval '1 hour'`;
        return row ?? { current: 1, ttl: timeWindow };
      })().then(
        (result) => {
          callback(null, result);
        },
        (error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }

    child(): this {
      return this;
    }
  };
}

export function createLimiter(app: FastifyInstance, name: string, perMinute: number): Limiter {
  const check = app.createRateLimit({
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => `${name}:${req.ip}`,
  });
  return async (req) => {
    const result = await check(req);
    // `isAllowed` means allow-listed (never limited); otherwise look at the count.
    return result.isAllowed || !result.isExceeded;
  };
}
