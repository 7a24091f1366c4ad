// Redis for tests: TEST_REDIS_URL names a server (CI starts one on
// 127.0.0.1:6379); tests that need it carry the `redis` tag, which skips them
// when it is unset. Every caller gets a key prefix of its own, so tests, runs
// and developers sharing one Redis never count into each other's limits.
import { randomBytes } from 'node:crypto';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined;

/** TEST_REDIS_URL with a fresh `keyPrefix` (an ioredis option read from the query). */
export function isolatedRedisUrl(base = TEST_REDIS_URL): string {
  if (!base) throw new Error('TEST_REDIS_URL is not set (tag the test `redis`)');
  const url = new URL(base);
  url.searchParams.set('keyPrefix', `tenantry-test-${process.pid}-${randomBytes(4).toString('hex')}:`);
  return url.toString();
}
