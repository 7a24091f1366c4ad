import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  throw new Error(`invalid ${issue?.path.join('.') ?? 'environment'}: ${issue?.message ?? 'bad value'}`);
}

export const apiEnv = parsed.data;
/** Production hides unexpected errors' messages and stacks from clients. */
export const isProduction = apiEnv.NODE_ENV === 'production';
