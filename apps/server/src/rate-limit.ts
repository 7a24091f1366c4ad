// Rate limits through @fastify/rate-limit's createRateLimit(), so they can be
// applied per tRPC call: a batch of ten calls spends ten, not one.
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Spends one unit for the request's client; false once the limit is reached. */
export type Limiter = (req: FastifyRequest) => Promise<boolean>;

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
