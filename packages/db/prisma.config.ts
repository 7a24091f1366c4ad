// Used by the Prisma CLI (`prisma generate`, and `prisma migrate` on machines
// that have the native schema engine). Migrations here normally run through
// src/migrate.ts, which needs no native engine.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
