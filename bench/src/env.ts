// The bench's settings, read once. Nothing else in bench/ reads process.env:
// spawned processes get an environment built from these values, never ours.
import { z } from 'zod';

const schema = z.object({
  /** PostgreSQL to measure; default: the local server's tenantry_bench database, created if missing. */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PATH: z.string().default('/usr/bin:/bin'),
  HOME: z.string().optional(),
});

export type BenchEnv = z.infer<typeof schema>;

export function readBenchEnv(source: NodeJS.ProcessEnv = process.env): BenchEnv {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`invalid ${issue?.path.join('.') ?? 'environment'}: ${issue?.message ?? 'bad value'}`);
}

/** What every child process inherits from us: enough to find node and its tools. */
export function baseChildEnv(env: BenchEnv): Record<string, string> {
  return { PATH: env.PATH, ...(env.HOME ? { HOME: env.HOME } : {}) };
}
