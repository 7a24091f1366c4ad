import { fileURLToPath } from 'node:url';

import { z } from 'zod';

const DEFAULT_PGLITE_DIR = fileURLToPath(new URL('../../../.data/pglite', import.meta.url));

const postgresUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: 'must be a postgres:// or postgresql:// URL',
});
const optionalUrl = postgresUrl.optional().or(z.literal('').transform(() => undefined));

const schema = z
  .object({
    DATABASE_URL: optionalUrl,
    /**
     * Behind a transaction pooler: the URLs on which tenantry_app and tenantry_auth
     * log in as themselves (both or neither). DATABASE_URL then serves migrations.
     */
    DATABASE_APP_URL: optionalUrl,
    DATABASE_AUTH_URL: optionalUrl,
    PGLITE_DIR: z.string().min(1).default(DEFAULT_PGLITE_DIR),
    /** How long a query waits for a free pooled connection before the call gets 503 (PostgreSQL). */
    DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce
      .number({ error: 'must be milliseconds' })
      .int()
      .min(100)
      .default(2_000),
    /** The longest one statement may run before PostgreSQL cancels it (the call then gets 503). */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
      .number({ error: 'must be milliseconds' })
      .int()
      .min(100)
      .default(15_000),
  })
  .refine((env) => !env.DATABASE_APP_URL === !env.DATABASE_AUTH_URL, {
    path: ['DATABASE_APP_URL'],
    error: 'set DATABASE_APP_URL and DATABASE_AUTH_URL together',
  })
  .refine((env) => !env.DATABASE_APP_URL || env.DATABASE_URL, {
    path: ['DATABASE_URL'],
    error: 'DATABASE_APP_URL needs DATABASE_URL too (migrations and readiness)',
  });

export type DbEnv = z.infer<typeof schema>;

/** Reads the database settings from the environment; throws one line naming the variable. */
export function readDbEnv(source: NodeJS.ProcessEnv = process.env): DbEnv {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`invalid ${issue?.path.join('.') ?? 'environment'}: ${issue?.message ?? 'bad value'}`);
}
