// The server's settings, validated once. A bad value stops start-up with one
// line naming the variable. Nothing else in the server reads process.env.
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const list = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ error: 'must be a comma-separated list of origins' })));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65_535).default(3000),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PGLITE_DIR: z.string().min(1).optional(),
  /** Checked by @tenantry/db (readDbEnv), which says what a bad value is. */
  DATABASE_APP_URL: z.string().optional(),
  DATABASE_AUTH_URL: z.string().optional(),
  DATABASE_ACQUIRE_TIMEOUT_MS: z.string().optional(),
  DATABASE_STATEMENT_TIMEOUT_MS: z.string().optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The origin people reach the app at; better-auth builds its URLs on it. */
  PUBLIC_URL: z.url({ error: 'must be a URL' }).optional(),
  TRUSTED_ORIGINS: list.optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** tRPC calls per client IP and minute; sign-in and sign-up have their own, stricter limit. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Rate-limit counters in Redis, shared by every instance; unset: in each process's memory. */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The built dashboard, served in production. */
  WEB_DIST: z.string().default(fileURLToPath(new URL('../../web/dist', import.meta.url))),
});

export type ServerEnv = z.infer<typeof schema> & {
  PUBLIC_URL: string;
  TRUSTED_ORIGINS: string[];
};

export function loadEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid ${issue?.path.join('.') ?? 'environment'}: ${issue?.message ?? 'bad value'}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
    throw new Error('invalid AUTH_SECRET: required in production (at least 32 random characters)');
  }
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  // In development the Vite dev server (port 5173) proxies to us.
  const devOrigins = env.NODE_ENV === 'production' ? [] : ['http://localhost:5173', 'http://127.0.0.1:5173'];
  return {
    ...env,
    PUBLIC_URL: publicUrl,
    TRUSTED_ORIGINS: [...new Set([new URL(publicUrl).origin, ...devOrigins, ...(env.TRUSTED_ORIGINS ?? [])])],
  };
}
