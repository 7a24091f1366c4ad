import { zById } from '../../lib/schemas.ts';
import { adminProcedure, router } from '../../trpc.ts';
import { ZCreateApiKeyInput, ZListApiKeysInput } from './schemas.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './service.ts';

export const apiKeyRouter = router({
  create: adminProcedure
    .meta({ audit: 'apiKey.create' })
    .input(ZCreateApiKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx, input)),
  list: adminProcedure.input(ZListApiKeysInput).query(({ ctx, input }) => listApiKeys(ctx, input)),
  revoke: adminProcedure
    .meta({ audit: 'apiKey.revoke' })
    .input(zById)
    .mutation(({ ctx, input }) => revokeApiKey(ctx, input)),
});
