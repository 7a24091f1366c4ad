-- Rate-limit counters moved out of the database: into each process's memory,
-- or into Redis when REDIS_URL is set (apps/server/src/rate-limit.ts). Live
-- counters are not worth keeping: a window lasts a minute.
DROP TABLE "rate_limits";
