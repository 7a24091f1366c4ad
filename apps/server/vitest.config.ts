import { defineConfig } from 'vitest/config';

console.log(
  `@tenantry/server tests run on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'in-memory PGlite'}`,
);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
