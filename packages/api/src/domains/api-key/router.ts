import { zById } from '../../lib/schemas.ts';
import { adminProcedure, router } from '../../trpc.ts';
import { ZRevokedOutput } from '../../lib/schemas.ts';
import { ZCreateApiKeyInput, ZCreateApiKeyOutput, ZListApiKeysInput, ZListApiKeysOutput } from './schemas.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './service.ts';

export const apiKeyRouter = router({
  create: adminProcedure
    .meta({ audit: 'apiKey.create' })
    .input(ZCreateApiKeyInput)
    .output(ZCreateApiKeyOutput)
    .mutation(({ ctx, input }) => createApiKey(ctx, input)),
  list: adminProcedure
    .input(ZListApiKeysInput)
    .output(ZListApiKeysOutput)
    .query(({ ctx, input }) => listApiKeys(ctx, input)),
  revoke: adminProcedure
    .meta({ audit: 'apiKey.revoke' })
    .input(zById)
    .output(ZRevokedOutput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx, input)),
});
