// Tests that need something `pnpm test` cannot assume say so with a tag; the
// tag skips them when it is missing, and the summary counts them by reason.
import type { TestTagDefinition } from 'vitest/config';

const postgres = Boolean(process.env.TEST_DATABASE_URL);
const redis = Boolean(process.env.TEST_REDIS_URL);
const pgbouncer = postgres && Boolean(process.env.TEST_PGBOUNCER_URL);

export const TEST_TAGS = [
  {
    name: 'postgres',
    description: 'needs PostgreSQL: set TEST_DATABASE_URL (CI runs them in its second pass)',
    skip: !postgres,
  },
  {
    name: 'redis',
    description: 'needs Redis: set TEST_REDIS_URL, e.g. redis://127.0.0.1:6379 (CI starts Redis and sets it)',
    skip: !redis,
  },
  {
    name: 'pgbouncer',
    description:
      'needs PgBouncer in transaction mode before that PostgreSQL: set TEST_PGBOUNCER_URL (scripts/pgbouncer.sh; CI sets it)',
    skip: !pgbouncer,
  },
] satisfies TestTagDefinition[];
