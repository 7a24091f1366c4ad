import { defineConfig } from 'vitest/config';

// Say which database the suites run on, so a CI log shows both runs happened.
console.log(`@tenantry/db tests run on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'in-memory PGlite'}`);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // PGlite boots in about two seconds, and migrations add a little more.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: keep the number of PGlite instances booting at once small.
    maxWorkers: 2,
  },
});
