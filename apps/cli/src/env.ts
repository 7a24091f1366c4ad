import envPaths from 'env-paths';
import { z } from 'zod';

const schema = z.object({
  /** Where `tenantry login` keeps its settings; defaults to the user's config directory. */
  TENANTRY_CONFIG_DIR: z.string().min(1).optional(),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) throw new Error(`invalid TENANTRY_CONFIG_DIR: ${parsed.error.issues[0]?.message ?? ''}`);

export const configDir = parsed.data.TENANTRY_CONFIG_DIR ?? envPaths('tenantry', { suffix: '' }).config;
