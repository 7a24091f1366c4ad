import { defineConfig } from 'vitest/config';

// Say which database the suites run on, so a CI log shows both runs happened.
console.log(
  `@tenantry/api tests run on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'in-memory PGlite'}`,
);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
